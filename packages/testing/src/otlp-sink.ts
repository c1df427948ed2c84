import { diag } from '@opentelemetry/api';
import { describeReceived } from './otlp-describe.js';
import type {
  OtlpFault,
  OtlpProtocol,
  ReceivedRequest,
  ReceivedSpan,
  SpansListener,
  WaitForSpansOptions,
} from './otlp-types.js';

/** How a transport answers a request once the sink has decided. */
export type Answer = (outcome: 'ok' | 'invalid' | 'unavailable') => void;

interface Waiter {
  done: (spans: readonly ReceivedSpan[]) => boolean;
  resolve: (spans: ReceivedSpan[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Where both transports deliver decoded requests: it records them, plays the current fault,
 * notifies listeners and settles waits. One per receiver.
 */
export class OtlpSink {
  readonly spans: ReceivedSpan[] = [];
  readonly requests: ReceivedRequest[] = [];
  private fault: OtlpFault = 'none';
  private closed = false;
  private readonly listeners = new Set<SpansListener>();
  private readonly waiters = new Set<Waiter>();
  private readonly timers = new Set<NodeJS.Timeout>();

  /**
   * Handles one export request.
   * @param protocol - the protocol it arrived on.
   * @param headers - its headers or metadata, names lowercase.
   * @param spans - the decoded spans, `undefined` when the body did not decode.
   * @param answer - called once with the outcome, or never for the `hang` fault.
   */
  handle(
    protocol: OtlpProtocol,
    headers: Record<string, string>,
    spans: ReceivedSpan[] | undefined,
    answer: Answer,
  ): void {
    if (this.closed) return;
    const fault = this.fault;
    if (spans === undefined) {
      this.requests.push({ protocol, headers, spanCount: 0, outcome: 'invalid' });
      answer('invalid');
    } else if (fault !== 'none' && fault.kind === 'unavailable') {
      this.requests.push({ protocol, headers, spanCount: spans.length, outcome: 'unavailable' });
      answer('unavailable');
    } else if (fault !== 'none' && fault.kind === 'hang') {
      this.requests.push({ protocol, headers, spanCount: spans.length, outcome: 'hang' });
    } else if (fault !== 'none' && fault.kind === 'delay') {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.accept({ protocol, headers, spanCount: spans.length, outcome: 'ok' }, spans, answer);
      }, fault.ms);
      this.timers.add(timer);
    } else {
      this.accept({ protocol, headers, spanCount: spans.length, outcome: 'ok' }, spans, answer);
    }
  }

  setFault(fault: OtlpFault): void {
    this.fault = fault;
  }

  clear(): void {
    this.spans.length = 0;
    this.requests.length = 0;
  }

  onSpans(listener: SpansListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  waitForSpans(
    countOrPredicate: number | ((spans: readonly ReceivedSpan[]) => boolean),
    options: WaitForSpansOptions = {},
  ): Promise<ReceivedSpan[]> {
    const timeoutMs = options.timeoutMs ?? 5000;
    const done =
      typeof countOrPredicate === 'number'
        ? (spans: readonly ReceivedSpan[]) => spans.length >= countOrPredicate
        : countOrPredicate;
    const wanted =
      typeof countOrPredicate === 'number'
        ? `${countOrPredicate} span(s)`
        : 'spans matching the predicate';
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        done,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(
            new Error(
              `Timed out after ${timeoutMs} ms waiting for ${wanted}; ${describeReceived(this.spans, this.requests)}`,
            ),
          );
        }, timeoutMs),
      };
      this.waiters.add(waiter);
      this.settle(waiter);
      if (this.closed && this.waiters.has(waiter)) {
        this.forget(waiter);
        reject(
          new Error(`OTLP receiver is closed; ${describeReceived(this.spans, this.requests)}`),
        );
      }
    });
  }

  /** Cancels delayed answers and rejects pending waits. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(
        new Error(
          `OTLP receiver closed while waiting; ${describeReceived(this.spans, this.requests)}`,
        ),
      );
    }
    this.waiters.clear();
  }

  private accept(request: ReceivedRequest, spans: ReceivedSpan[], answer: Answer): void {
    this.requests.push(request);
    for (const span of spans) this.spans.push(span);
    for (const listener of this.listeners) {
      try {
        listener(spans, request);
      } catch (error) {
        diag.warn('OTLP receiver: a spans listener threw', error);
      }
    }
    for (const waiter of this.waiters) this.settle(waiter);
    answer('ok');
  }

  private settle(waiter: Waiter): void {
    let done: boolean;
    try {
      done = waiter.done(this.spans);
    } catch (error) {
      this.forget(waiter);
      waiter.reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (!done) return;
    this.forget(waiter);
    waiter.resolve([...this.spans]);
  }

  private forget(waiter: Waiter): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
  }
}

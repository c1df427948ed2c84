import {
  type Baggage,
  type Context,
  isSpanContextValid,
  propagation,
  type SpanContext,
  type TextMapGetter,
  type TextMapPropagator,
  type TextMapSetter,
  trace,
} from '@opentelemetry/api';
import { W3CBaggagePropagator } from '@opentelemetry/core';
import { B3InjectEncoding, B3Propagator } from '@opentelemetry/propagator-b3';
import { setOtherContexts } from './context-hints.js';
import { DatadogPropagator } from './datadog-propagator.js';
import { DATADOG_TRACESTATE_KEY } from './datadog-trace-state.js';
import { TraceContextPropagator } from './trace-context-propagator.js';
import type { PropagatorName } from './types.js';
import { warnOnce } from './warn-once.js';
import { XRayLambdaPropagator } from './xray-lambda-propagator.js';
import { XRayPropagator } from './xray-propagator.js';

type MemberName = Exclude<PropagatorName, 'none'>;

interface Member {
  name: MemberName;
  propagator: TextMapPropagator;
}

interface Candidate {
  name: PropagatorName;
  context: Context;
  spanContext: SpanContext;
}

const FACTORIES: Record<MemberName, () => TextMapPropagator> = {
  tracecontext: () => new TraceContextPropagator(),
  baggage: () => new W3CBaggagePropagator(),
  b3: () => new B3Propagator({ injectEncoding: B3InjectEncoding.SINGLE_HEADER }),
  b3multi: () => new B3Propagator({ injectEncoding: B3InjectEncoding.MULTI_HEADER }),
  xray: () => new XRayPropagator(),
  'xray-lambda': () => new XRayLambdaPropagator(),
  datadog: () => new DatadogPropagator(),
};

/**
 * Creates the propagator one `OTEL_PROPAGATORS` name stands for.
 *
 * @param name - A propagator name (trimmed, any case); `none` and unknown names give `undefined`.
 * @example
 * ```ts
 * createPropagator('datadog'); // a DatadogPropagator
 * ```
 */
export function createPropagator(name: string): TextMapPropagator | undefined {
  const key = String(name).trim().toLowerCase();
  const factory = (FACTORIES as Record<string, (() => TextMapPropagator) | undefined>)[key];
  return Object.hasOwn(FACTORIES, key) && factory ? factory() : undefined;
}

/** Normalizes a name list: trimmed, lowercase, deduplicated, `none` dropped, `xray-lambda` replacing `xray`. */
function resolveNames(names: readonly string[]): MemberName[] {
  const resolved: MemberName[] = [];
  for (const raw of names) {
    const name = String(raw).trim().toLowerCase();
    if (name === '' || name === 'none' || resolved.includes(name as MemberName)) continue;
    if (!Object.hasOwn(FACTORIES, name)) {
      warnOnce(
        `propagators:unknown:${name}`,
        `lambda-otel-kit: unknown propagator "${name}" ignored`,
      );
      continue;
    }
    resolved.push(name as MemberName);
  }
  return resolved.includes('xray-lambda') ? resolved.filter((name) => name !== 'xray') : resolved;
}

/** Same trace as the chosen context, other span id: the W3C one wins, keeping Datadog's `dd` member. */
function preferTraceContext(primary: Candidate, candidates: readonly Candidate[]): Candidate {
  const w3c = candidates.find(
    (c) => c.name === 'tracecontext' && c.spanContext.traceId === primary.spanContext.traceId,
  );
  if (!w3c || w3c === primary) return primary;
  const datadog = primary.spanContext.traceState?.get(DATADOG_TRACESTATE_KEY);
  const state = w3c.spanContext.traceState;
  if (!datadog || state?.get(DATADOG_TRACESTATE_KEY) !== undefined) return w3c;
  const merged = state
    ? state.set(DATADOG_TRACESTATE_KEY, datadog)
    : primary.spanContext.traceState;
  const spanContext = { ...w3c.spanContext, traceState: merged };
  return { ...w3c, spanContext, context: trace.setSpanContext(w3c.context, spanContext) };
}

/**
 * The composite the kit builds from `config.propagators`.
 *
 * Extraction runs every member on the incoming context and chooses one span context: the first
 * valid one in the configured order, except that a `tracecontext` context of the same trace
 * wins over it (FACTS §B: "W3C wins"). Valid contexts of other traces are kept for links
 * ({@link getOtherUpstreamContexts}). Baggage is added on top. Injection runs every member in order.
 * A member that throws is skipped with a one-time `diag` warning.
 *
 * @example
 * ```ts
 * propagation.setGlobalPropagator(new KitCompositePropagator(['datadog', 'tracecontext']));
 * ```
 */
export class KitCompositePropagator implements TextMapPropagator {
  readonly #members: Member[];

  /** @param names - Propagator names in precedence order (see {@link createCompositePropagator}). */
  constructor(names: readonly string[]) {
    this.#members = resolveNames(names).map((name) => ({ name, propagator: FACTORIES[name]() }));
  }

  /** The resolved member names, in order. */
  get names(): PropagatorName[] {
    return this.#members.map((member) => member.name);
  }

  inject(context: Context, carrier: unknown, setter: TextMapSetter): void {
    for (const { name, propagator } of this.#members) {
      try {
        propagator.inject(context, carrier, setter);
      } catch (error) {
        warnOnce(
          `propagators:inject:${name}`,
          `lambda-otel-kit: ${name} injection failed: ${String(error)}`,
        );
      }
    }
  }

  extract(context: Context, carrier: unknown, getter: TextMapGetter): Context {
    const incoming = trace.getSpanContext(context);
    const candidates: Candidate[] = [];
    let baggage: Baggage | undefined;
    for (const { name, propagator } of this.#members) {
      try {
        const extracted = propagator.extract(context, carrier, getter);
        if (name === 'baggage') {
          baggage = propagation.getBaggage(extracted) ?? baggage;
          continue;
        }
        const spanContext = trace.getSpanContext(extracted);
        if (!spanContext || spanContext === incoming || !isSpanContextValid(spanContext)) continue;
        candidates.push({ name, context: extracted, spanContext });
      } catch (error) {
        warnOnce(
          `propagators:extract:${name}`,
          `lambda-otel-kit: ${name} extraction failed: ${String(error)}`,
        );
      }
    }
    let result = context;
    const first = candidates[0];
    if (first) {
      const chosen = preferTraceContext(first, candidates);
      const others = candidates
        .map((c) => c.spanContext)
        .filter((sc) => sc.traceId !== chosen.spanContext.traceId)
        .filter(
          (sc, i, all) =>
            all.findIndex((o) => o.traceId === sc.traceId && o.spanId === sc.spanId) === i,
        );
      result = setOtherContexts(chosen.context, others);
    }
    return baggage ? propagation.setBaggage(result, baggage) : result;
  }

  fields(): string[] {
    return [...new Set(this.#members.flatMap((member) => member.propagator.fields()))];
  }
}

/**
 * Builds the composite propagator for a list of names (the caller passes `config.propagators`).
 *
 * Names are trimmed and lowercased; duplicates and `none` are dropped; unknown names are ignored
 * with a one-time `diag` warning; `xray-lambda` replaces `xray`. An empty list gives a
 * propagator that does nothing.
 *
 * @param names - `tracecontext`, `baggage`, `b3`, `b3multi`, `xray`, `xray-lambda`, `datadog`, `none`.
 * @example
 * ```ts
 * propagation.setGlobalPropagator(createCompositePropagator(config.propagators));
 * ```
 */
export function createCompositePropagator(names: readonly string[]): KitCompositePropagator {
  return new KitCompositePropagator(names);
}

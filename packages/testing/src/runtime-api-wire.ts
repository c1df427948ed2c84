import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InvokeOptions, LambdaError } from './runtime-types.js';

/** Largest synchronous response Lambda accepts (6 MB), in bytes. */
export const MAX_RESPONSE_BYTES = 6_291_556;

/** Header a runtime sets on error posts. */
export const ERROR_TYPE_HEADER = 'lambda-runtime-function-error-type';

/** Reads a request body whole; resolves with what arrived if the peer goes away. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve(Buffer.concat(chunks)));
  });
}

/** Replies with a JSON document, unless the peer is gone. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * JSON for an HTTP header value: characters outside printable ASCII are written as `\uXXXX`
 * escapes, which keeps the JSON equal and the header legal.
 */
export function headerJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[^\x20-\x7e]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Decodes a response body: JSON when it parses, else the text itself. */
export function decodeResponse(body: Buffer): unknown {
  const text = body.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Reads an error post: the body's `errorType`/`errorMessage`/`trace` (or `stackTrace`), with the
 * `Lambda-Runtime-Function-Error-Type` header standing in when the body is missing or unreadable,
 * as Lambda does.
 */
export function decodeError(body: Buffer, errorTypeHeader: string | undefined): LambdaError {
  const fallbackType = errorTypeHeader || 'Runtime.Unknown';
  const text = body.toString('utf8');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { errorType: fallbackType, errorMessage: text };
  }
  if (typeof doc !== 'object' || doc === null) {
    return { errorType: fallbackType, errorMessage: text };
  }
  const record = doc as Record<string, unknown>;
  const error: LambdaError = {
    errorType: typeof record.errorType === 'string' ? record.errorType : fallbackType,
    errorMessage: typeof record.errorMessage === 'string' ? record.errorMessage : '',
  };
  const trace = Array.isArray(record.trace) ? record.trace : record.stackTrace;
  if (Array.isArray(trace)) error.trace = trace.map(String);
  return error;
}

/** The error Lambda reports for a response over {@link MAX_RESPONSE_BYTES}. */
export function tooLargeError(size: number): LambdaError {
  return {
    errorType: 'Function.ResponseSizeTooLarge',
    errorMessage: `Response payload size (${size} bytes) exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`,
  };
}

/**
 * The `/next` headers of one invocation, but for the deadline (set when it is sent): request
 * id, invoked ARN, and the optional trace id, client context and Cognito identity.
 */
export function invocationHeaders(
  requestId: string,
  functionArn: string,
  invoke: InvokeOptions,
): Record<string, string> {
  const headers: Record<string, string> = {
    'lambda-runtime-aws-request-id': requestId,
    'lambda-runtime-invoked-function-arn': invoke.invokedFunctionArn ?? functionArn,
  };
  if (invoke.traceId) headers['lambda-runtime-trace-id'] = invoke.traceId;
  if (invoke.clientContext) {
    headers['lambda-runtime-client-context'] = headerJson(invoke.clientContext);
  }
  if (invoke.identity) headers['lambda-runtime-cognito-identity'] = headerJson(invoke.identity);
  return headers;
}

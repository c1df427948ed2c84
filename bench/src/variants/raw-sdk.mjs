// The hand-instrumented handler exporting over http/protobuf.
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { rawSdkHandler } from './raw-sdk-core.mjs';

export const handler = rawSdkHandler(new OTLPTraceExporter());

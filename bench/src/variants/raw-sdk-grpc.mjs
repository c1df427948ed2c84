// The hand-instrumented handler exporting over gRPC.
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { rawSdkHandler } from './raw-sdk-core.mjs';

export const handler = rawSdkHandler(new OTLPTraceExporter());

// The OpenTelemetry SDK parts the demo's upstream producers use, resolved from the packages
// the @lambda-otel-kit/testing package already depends on (the demo has no package.json of its
// own). The function itself is the sqs-batch-consumer example, instrumented by the kit.
const { createRequire } = require('node:module');
const { join } = require('node:path');

const fromTesting = createRequire(
  join(__dirname, '..', '..', 'packages', 'testing', 'package.json'),
);

module.exports = {
  api: fromTesting('@opentelemetry/api'),
  resources: fromTesting('@opentelemetry/resources'),
  traceBase: fromTesting('@opentelemetry/sdk-trace-base'),
  otlpProto: fromTesting('@opentelemetry/exporter-trace-otlp-proto'),
};

// The OpenTelemetry SDK parts the demo uses by hand, resolved from the packages the
// @lambda-otel-kit/testing package already depends on (the demo has no package.json of its
// own). The kit's instrumentHandler() will replace this hand instrumentation.
const { createRequire } = require('node:module');
const { join } = require('node:path');

const fromTesting = createRequire(
  join(__dirname, '..', '..', 'packages', 'testing', 'package.json'),
);

module.exports = {
  api: fromTesting('@opentelemetry/api'),
  contextAsyncHooks: fromTesting('@opentelemetry/context-async-hooks'),
  core: fromTesting('@opentelemetry/core'),
  resources: fromTesting('@opentelemetry/resources'),
  traceBase: fromTesting('@opentelemetry/sdk-trace-base'),
  otlpProto: fromTesting('@opentelemetry/exporter-trace-otlp-proto'),
};

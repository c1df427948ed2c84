// What a Lambda layer's wrapper does, reproduced for an image: NodeSDK with every
// auto-instrumentation (aws-lambda among them), started by `--require` before the handler loads.
const { getNodeAutoInstrumentations } = require('@opentelemetry/auto-instrumentations-node');
const { NodeSDK } = require('@opentelemetry/sdk-node');

new NodeSDK({
  instrumentations: [getNodeAutoInstrumentations()],
}).start();

// The kit: the SQS example's handler. The protocol (http/protobuf or grpc) comes from the
// environment; bundles are built per protocol with the other exporters left out.
import { sqsBatchHandler } from '@lambda-otel-kit/sqs';

export const handler = sqsBatchHandler(async (record) => {
  JSON.parse(record.body);
});

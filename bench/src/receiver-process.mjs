// The OTLP receiver in a process of its own, so decoding spans never runs on the event loop
// being measured. It only counts spans (and forgets them) and answers over IPC.
import { startOtlpReceiver } from '@lambda-otel-kit/testing';

const receiver = await startOtlpReceiver();
let count = 0;
receiver.onSpans((spans) => {
  count += spans.length;
  receiver.clear();
});
process.on('message', async (message) => {
  if (message === 'count') process.send?.({ count });
  if (message === 'close') {
    await receiver.close();
    process.exit(0);
  }
});
process.send?.({ httpUrl: receiver.httpUrl, grpcUrl: receiver.grpcUrl });

/**
 * @packageDocumentation
 * SQS batch consumer and producer: per-record sqs.process spans on each record's upstream trace, a linked sqs.batch span, partial batch failures, FIFO, deadline; context injection for SendMessage
 */
export { placeholder } from './placeholder.js';

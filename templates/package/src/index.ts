/**
 * @packageDocumentation
 * __DESCRIPTION__
 */
export { placeholder } from './placeholder.js';

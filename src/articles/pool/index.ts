export { createExtractionPool, type ExtractionPool, type ExtractionPoolOptions } from './pool.js';
export { ExtractionFailedError, ExtractionTimeoutError } from './errors.js';

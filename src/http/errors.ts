import { PresswatchError } from '../core/errors.js';

/** A URL (given or redirected to) whose scheme is not http or https: file:, ftp:, data:, ... */
export class UnsupportedSchemeError extends PresswatchError {
  readonly code = 'UNSUPPORTED_SCHEME';
  readonly disposition = 'permanent';
}

/** Errors of the runtime itself, shaped like Node's internal errors. */

export class MiniNotImplementedError extends Error {
  readonly code = 'ERR_MINI_NOT_IMPLEMENTED';

  constructor(what: string) {
    super(`${what} is not implemented in mini yet`);
    this.name = 'Error';
  }
}

// The one error for a request the sandbox will not carry out: the HTTP status it answers with and a sentence a
// person can read. Anything else thrown is a bug, answered 500 without its details.
export type RefusalStatus = 400 | 404 | 409 | 413;

export class ActionRefused extends Error {
  constructor(readonly status: RefusalStatus, message: string) {
    super(message);
    this.name = "ActionRefused";
  }
}

/** The request is malformed: a body that does not fit, a parameter out of range. */
export const badRequest = (message: string) => new ActionRefused(400, message);
/** What the request names does not exist: a service, a fault, a scenario, a lesson. */
export const notFound = (message: string) => new ActionRefused(404, message);
/** It exists, but not now: the service is busy, the stack is not running, a limit is reached. */
export const conflict = (message: string) => new ActionRefused(409, message);

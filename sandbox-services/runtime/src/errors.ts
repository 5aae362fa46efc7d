// Errors a handler throws to answer with a status and a sentence a person can read.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** For a 429: how long to wait, sent as Retry-After and carried through every hop. */
    readonly retryAfterS?: number,
  ) {
    super(message);
  }
}

/** The JSON answer for an error: `{error}`, and `retryAfterS` when there is one to wait. */
export const errorBody = (error: HttpError): { error: string; retryAfterS?: number } => (error.retryAfterS === undefined ? { error: error.message } : { error: error.message, retryAfterS: error.retryAfterS });

/** A service this one needs could not be reached or did not answer in time. */
export class ServiceUnavailableError extends HttpError {
  constructor(readonly service: string, detail: string) {
    super(503, `${service} is down (${detail})`);
  }
}

export const badRequest = (message: string) => new HttpError(400, message);
export const notFound = (message: string) => new HttpError(404, message);
export const conflict = (message: string) => new HttpError(409, message);
export const unauthorized = (message = "log in first: a valid Bearer token is required") => new HttpError(401, message);

// What a domain event's job is, whichever bus carries it (BullMQ between processes, or the monolith's in-process
// bus): its id, which makes a repeated publish a no-op, and how often a failing job is tried again.
/** A failing job is retried with growing pauses, long enough to ride out a service being redeployed. */
export const JOB_RETRIES = { attempts: 12, backoff: { type: "exponential" as const, delay: 250 } };

/** The job id of an event: the same event and key give the same id, so it is queued once. BullMQ forbids ":". */
export const jobIdFor = (event: string, key: string): string => `${event}-${key}`.replace(/:/g, "_");

// What the room may see of a shopper: the telemetry every viewer receives (stream, snapshot, recording, OTLP) carries
// no email, and no text a shopper sent is shown whole. Applied once, where events enter the app, so every reader of
// them gets the same cleaned text.
import type { TelemetryEvent } from "../../contract/events";

/** Anything shaped like an email address, wherever it stands in a sentence. */
const EMAIL = /[^\s@"'“”«»<>()[\]{},;:]+@[^\s@"'“”«»<>()[\]{},;:]+/g;
export const EMAIL_HIDDEN = "[an email]";
/** A segment of a path longer than this is cut: ids fit, a message written into a path does not. */
export const MAX_SEGMENT = 40;
/** An error sentence is cut past this many characters. */
export const MAX_ERROR = 300;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export const withoutEmails = (text: string): string => text.replace(EMAIL, EMAIL_HIDDEN);

/** "/api/products/<6 KB of text>" → "/api/products/<its first 40 characters>…": the route stays readable. */
export function shownPath(path: string): string {
  return cut(withoutEmails(path).split("/").map((segment) => cut(segment, MAX_SEGMENT)).join("/"), 400);
}

/** The parts of a path a shopper chose (ids, text): not the route's own words like "api" or "products". */
function shopperParts(path: string): string[] {
  const parts = new Set<string>();
  for (const segment of path.split("/")) {
    if (segment === "" || /^[a-z-]+$/.test(segment)) continue;
    parts.add(segment);
    try {
      parts.add(decodeURIComponent(segment));
    } catch {
      // A broken escape is only ever shown as sent.
    }
  }
  return [...parts].sort((a, b) => b.length - a.length);
}

/**
 * An error of a call to `path`, as the room sees it: emails hidden, the path and any part of it the shopper chose
 * shown cut and marked as the shopper's input (so a sentence written into an id reads as what it is), and the
 * whole cut to a sentence's length.
 */
export function shownError(error: string, path?: string): string {
  let text = withoutEmails(error);
  if (path) {
    const marked = (input: string) => `“${cut(input, MAX_SEGMENT)}” (the shopper's input)`;
    if (path.length > 1 && text.includes(path)) text = text.split(path).join(marked(shownPath(path)));
    for (const part of shopperParts(path)) if (part.length > 2 && text.includes(part) && !text.includes(marked(part))) text = text.split(part).join(marked(part));
  }
  return cut(text, MAX_ERROR);
}

/** Cleans one event in place (events are taken over as they arrive; copying each cost more than it gave). */
export function keepShoppersPrivate(event: TelemetryEvent): void {
  switch (event.type) {
    case "http":
      if (event.error !== undefined) event.error = shownError(event.error, event.path);
      event.path = shownPath(event.path);
      return;
    case "queue":
      if (event.error !== undefined) event.error = shownError(event.error);
      return;
    case "log":
      event.line = cut(withoutEmails(event.line), 2 * MAX_ERROR);
      return;
    default:
      return;
  }
}

// How large a request body the app takes: a declared length over the limit is refused before a byte is read, and
// a body that grows past it while streaming is refused too; either way the rest is drained, so the caller reads a
// clean 413 instead of a dropped connection.
import type { IncomingMessage } from "node:http";
import { ActionRefused } from "../refused";

/** A request body over the limit: answered 413 with this sentence. */
export class BodyTooLarge extends ActionRefused {
  constructor(readonly limit: number) {
    super(413, `the request body is too large: at most ${Math.round(limit / 1024)} KB`);
  }
}

/** The refusal for a body whose declared length is over `limit`, before anything is read; undefined otherwise. */
export function declaredTooLarge(request: IncomingMessage, limit: number): BodyTooLarge | undefined {
  const declared = Number(request.headers["content-length"] ?? 0);
  return Number.isFinite(declared) && declared > limit ? new BodyTooLarge(limit) : undefined;
}

/** Reads the whole body as bytes; over `limit`, stops keeping it, drains the rest and rejects with BodyTooLarge. */
export function readLimited(request: IncomingMessage, limit: number): Promise<Buffer> {
  const early = declaredTooLarge(request, limit);
  if (early) {
    request.resume();
    return Promise.reject(early);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      request.off("data", onData);
      request.resume();
      reject(new BodyTooLarge(limit));
    };
    request.on("data", onData);
    request.once("end", () => resolve(Buffer.concat(chunks)));
    request.once("error", reject);
  });
}

/** JSON text as the contract takes it: UTF-8, no byte-order mark, nothing but JSON whitespace around it. */
export function parseJsonText(bytes: Buffer): { empty: true } | { empty: false; value: unknown } {
  const text = bytes.toString("utf8");
  if (/^[ \t\r\n]*$/.test(text)) return { empty: true };
  return { empty: false, value: JSON.parse(text) };
}

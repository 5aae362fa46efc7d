// One HTTP request with every header and byte as the test gives them (fetch would not let a test set Host, send a
// broken encoding or skip the content type), answered with status, headers, text and the parsed JSON if any.
import http from "node:http";

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  body: any;
}

/** `origin` is the app's http://127.0.0.1:<port>; Host defaults to it unless `headers.host` says otherwise. */
export function rawRequest(origin: string, method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer, timeoutMs = 30_000): Promise<RawAnswer> {
  const { hostname, port, host } = new URL(origin);
  return new Promise((resolve, reject) => {
    let answer: http.IncomingMessage | undefined;
    const chunks: Buffer[] = [];
    const settle = () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      resolve({ status: answer!.statusCode ?? 0, headers: answer!.headers, text, body: parsed });
    };
    // A connection per request: one refused mid-body is not reused for the next.
    const request = http.request({ host: hostname, port, method, path, headers: { host, ...headers }, timeout: timeoutMs, agent: false }, (response) => {
      answer = response;
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", settle);
    });
    request.on("timeout", () => request.destroy(new Error(`${method} ${path} did not answer within ${timeoutMs} ms`)));
    // A server may answer (a 413, say) and close before the whole body is written: the answer is what counts.
    request.on("error", (error) => (answer ? settle() : reject(error)));
    request.end(body);
  });
}

// A service's log: plain lines on stdout/stderr, which the supervisor captures; the trace id rides along.
import { currentTrace } from "./trace";

function write(stream: NodeJS.WriteStream, message: string): void {
  const trace = currentTrace();
  stream.write(trace ? `${message} trace=${trace.traceId}\n` : `${message}\n`);
}

export const log = {
  info: (message: string) => write(process.stdout, message),
  warn: (message: string) => write(process.stdout, `warning: ${message}`),
  error: (message: string) => write(process.stderr, message),
};

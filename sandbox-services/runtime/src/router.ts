// Matches a method and path to a handler; `:name` segments become params.
import { HttpError } from "./errors";
export interface Request {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  /** Who the request came from: the shopper the app vouched for, else the address the HTTP server saw; absent for a call inside the monolith. */
  peer?: string;
}

export interface Reply {
  status: number;
  body: unknown;
}

export type Handler = (request: Request) => Promise<Reply> | Reply;

export type Routes = Record<string, Handler>;

interface CompiledRoute {
  method: string;
  segments: string[];
  handler: Handler;
}

/** Routes are keyed "METHOD /path/:param". */
export function compileRoutes(routes: Routes): (method: string, path: string) => { handler: Handler; params: Record<string, string> } | undefined {
  const compiled: CompiledRoute[] = Object.entries(routes).map(([key, handler]) => {
    const [method, pattern] = key.split(" ");
    return { method, segments: pattern.split("/").filter(Boolean), handler };
  });
  return (method, path) => {
    const parts = path.split("/").filter(Boolean);
    for (const route of compiled) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const matches = route.segments.every((segment, i) => {
        if (segment.startsWith(":")) {
          try {
            params[segment.slice(1)] = decodeURIComponent(parts[i]);
          } catch {
            throw new HttpError(400, `the path is not valid: ${parts[i]} is not a well-formed escape`);
          }
          return true;
        }
        return segment === parts[i];
      });
      if (matches) return { handler: route.handler, params };
    }
    return undefined;
  };
}

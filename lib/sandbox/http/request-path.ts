// The path of a request as the client sent it, before any `..` or `%2e%2e` is resolved: routing on it keeps a
// tricked path inside the part of the app it names (the control API answers it, with JSON), never another route.

/** "/api/sandbox/../x?y" → "/api/sandbox/../x"; an absolute-form target ("http://host/p") gives its path. */
export function requestPath(url: string | undefined): string {
  const target = url ?? "/";
  if (!target.startsWith("/")) {
    try {
      return new URL(target).pathname;
    } catch {
      return "/";
    }
  }
  const end = target.search(/[?#]/);
  return end < 0 ? target : target.slice(0, end);
}

// Who may do what in classroom mode: reads need a role; acting needs the presenter, except a viewer's vote, and
// shopping in the shared shop once the presenter lets the class shop.
import { CONTROL_API } from "../contract/control-api";
import type { Visitor } from "./classroom";

export interface AccessRefusal {
  status: 403;
  error: string;
}

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Files that carry no data (the page's scripts, styles and icons): served to anyone, so the refusal page can show. */
export function isPublicAsset(pathname: string): boolean {
  return pathname.startsWith("/_next/static/") || pathname === "/favicon.ico" || pathname === "/icon.svg";
}

export function accessRefusal(method: string, pathname: string, visitor: Visitor | undefined, letClassShop: boolean): AccessRefusal | undefined {
  if (isPublicAsset(pathname)) return undefined;
  if (!visitor) return { status: 403, error: "this sandbox is in classroom mode: open the audience link (or the presenter's link) to watch it" };
  if (visitor.role === "presenter" || READS.has(method)) return undefined;
  if (method === CONTROL_API.vote.method && pathname === CONTROL_API.vote.path) return undefined;
  if (pathname.startsWith("/storefront/") && letClassShop) return undefined;
  const what = pathname.startsWith("/storefront/") ? "shop (the presenter has not let the class shop)" : "act on the sandbox";
  return { status: 403, error: `only the presenter may ${what}: the audience watches` };
}

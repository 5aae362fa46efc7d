// Who the shopper behind a storefront request is, as the app tells the shop: "<client>.<mac>" in one header, the MAC
// made with the stack's service key. The app's proxy is the only caller that holds the key besides the shop's own
// services, so a client cannot name itself someone else, and the shop's per-shopper limits fall on the right one.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SHOPPER_HEADER = "x-sandbox-shopper";
/** A client's name (e.g. "viewer:Ab3…", "address:192.168.1.20") is at most this long. */
const MAX_CLIENT = 120;

const mac = (serviceKey: string, client: string) => createHmac("sha256", serviceKey).update(`shopper\n${client}`).digest("base64url");

export function shopperPass(serviceKey: string, client: string): string {
  const name = client.slice(0, MAX_CLIENT);
  return `${name}.${mac(serviceKey, name)}`;
}

/** The client a pass names when its MAC is the stack's; undefined for a missing, forged or foreign one. */
export function shopperOf(serviceKey: string, header: string | string[] | undefined): string | undefined {
  if (typeof header !== "string") return undefined;
  const dot = header.lastIndexOf(".");
  if (dot < 1 || dot > MAX_CLIENT) return undefined;
  const client = header.slice(0, dot);
  const given = Buffer.from(header.slice(dot + 1));
  const expected = Buffer.from(mac(serviceKey, client));
  return given.length === expected.length && timingSafeEqual(given, expected) ? client : undefined;
}

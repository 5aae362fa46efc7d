// Where a classroom reaches the app: the machine's own network addresses (and its name), added to the hosts the
// same-origin policy answers to, and the one address printed in the links.
import os from "node:os";
import { loopbackHosts } from "../sandbox/http/same-origin";

/** This machine's addresses other than loopback, IPv4 first (the one a phone on the same Wi-Fi types). */
export function networkAddresses(): string[] {
  const found: Array<{ address: string; v4: boolean }> = [];
  for (const entries of Object.values(os.networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.internal) continue;
      found.push({ address: entry.family === "IPv4" ? entry.address : `[${entry.address.split("%")[0]}]`, v4: entry.family === "IPv4" });
    }
  }
  return found.sort((a, b) => Number(b.v4) - Number(a.v4)).map((entry) => entry.address);
}

/** `publicHost` (SANDBOX_PUBLIC_HOST) names the app as the class reaches it when no address of ours does (a tunnel, a DNS name). */
export function classroomHosts(port: number, publicHost?: string): { hosts: string[]; linkHost: string } {
  const names = [...networkAddresses(), os.hostname().toLowerCase(), `${os.hostname().toLowerCase()}.local`];
  if (publicHost) names.unshift(publicHost.toLowerCase());
  const withPort = (name: string) => (name.includes(":") && !name.startsWith("[") ? name : `${name}:${port}`);
  const hosts = [...loopbackHosts(port), ...names.map(withPort)];
  return { hosts: [...new Set(hosts)], linkHost: names.length > 2 || publicHost ? withPort(names[0]) : `127.0.0.1:${port}` };
}

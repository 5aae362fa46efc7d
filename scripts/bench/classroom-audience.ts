// A class's viewers as the bench makes them: each joins from a loopback address of its own, as each student's machine
// has its own address (the app gives one address only so many passes), and opens the class's socket.
import http from "node:http";
import { io as connect, type Socket } from "socket.io-client";
import { CLASSROOM_NAMESPACE } from "../../lib/contract/classroom-socket";

export const open = (base: string, headers: Record<string, string>): Promise<Socket> => {
  const socket = connect(`${base}${CLASSROOM_NAMESPACE}`, { transports: ["websocket"], extraHeaders: headers, forceNew: true, reconnection: false });
  return new Promise<Socket>((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
};

/** The n-th machine of the room: 127.0.<1 + n / 250>.<1 + n % 250>. */
export const machine = (n: number): string => `127.0.${1 + Math.floor(n / 250)}.${1 + (n % 250)}`;

/** The viewer's cookie, as the n-th machine's browser gets it by opening the audience link. */
export async function audienceCookie(base: string, presenter: Record<string, string>, n: number): Promise<string> {
  const { joinCode } = (await (await fetch(`${base}/api/classroom`, { headers: presenter })).json()) as { joinCode: string };
  const { hostname, port, host } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: hostname, port, path: `/?join=${joinCode}`, localAddress: machine(n), headers: { host }, agent: false }, (answer) => {
      answer.resume();
      if (answer.statusCode !== 303) return reject(new Error(`joining answered ${answer.statusCode}`));
      resolve((answer.headers["set-cookie"] ?? []).map((cookie) => cookie.split(";")[0]).join("; "));
    });
    request.once("error", reject);
    request.end();
  });
}

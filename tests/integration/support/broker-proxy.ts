// A TCP proxy in front of a real redis-server that misbehaves at a chosen command of a conversation: it goes down there
// (the connection cut, new ones refused with the port closed, until healed), as a broker killed at that exact moment
// would; or it answers that command as a Redis too old for BullMQ. A race met by chance under chaos is then met every time.
import net from "node:net";

/** A connection's opening (its name, ready check and version check) is well within this much of what it says. */
const OPENING_BYTES = 4_096;

export class BrokerProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  /** While set: what happens when a connection sends this command for the `nth` time. */
  private trap: { command: string; nth: number; then: "go-down" | "answer-as-redis-4"; named?: string } | null = null;
  /** Connections taken in so far. */
  accepted = 0;
  /** How many times the trap set last was sprung. */
  sprung = 0;
  port = 0;

  constructor(private readonly target: { port: number; host: string }) {}

  async start(): Promise<void> {
    this.server = net.createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  /**
   * From now on, the `nth` `command` a connection sends is not passed on. "go-down": the connection is cut and the proxy
   * is down until heal(). "answer-as-redis-4": it is answered with an INFO naming Redis 4.0.0. `named`: only a
   * connection that gave itself that name (CLIENT SETNAME, ioredis's `connectionName`) is trapped.
   */
  trapAt(command: string, nth: number, then: "go-down" | "answer-as-redis-4", named?: string): void {
    this.trap = { command: command.toLowerCase(), nth, then, named: named?.toLowerCase() };
    this.sprung = 0;
  }

  /** Up again on the same port, carrying connections whole. */
  async heal(): Promise<void> {
    this.trap = null;
    if (!this.server?.listening) await this.start();
  }

  private accept(client: net.Socket): void {
    this.accepted++;
    const upstream = net.connect(this.target);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on("error", () => {});
      socket.once("close", () => {
        this.sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    // What the connection said while a trap was set, until it was sprung on it or the opening is long over.
    let said = "";
    let watching = true;
    client.on("data", (chunk: Buffer) => {
      // A command is an array of bulk strings: its name arrives as "$<length>\r\n<name>\r\n".
      const trap = this.trap;
      if (trap && watching) {
        said += chunk.toString("latin1").toLowerCase();
        watching = said.length < OPENING_BYTES;
        const seen = said.split(`\r\n${trap.command}\r\n`).length - 1;
        if (seen >= trap.nth && (!trap.named || said.includes(`\r\n${trap.named}\r\n`))) {
          this.sprung++;
          watching = false;
          if (trap.then === "go-down") return this.goDown();
          const info = "# Server\r\nredis_version:4.0.0\r\n";
          return void client.write(`$${info.length}\r\n${info}\r\n`);
        }
      }
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => client.write(chunk));
  }

  /** Refuses new connections (the port is closed) and cuts every open one. */
  private goDown(): void {
    this.server?.close();
    for (const socket of this.sockets) socket.destroy();
  }

  async stop(): Promise<void> {
    this.goDown();
    await new Promise<void>((resolve) => (this.server?.listening ? this.server.close(() => resolve()) : resolve()));
  }
}

// Each stack's own keys, handed to its processes at launch: one signs session tokens, one marks calls between its
// services. They differ between the stacks (a microservices token means nothing to the monolith) and are made
// anew at every reset (a reset ends every session); a redeploy or restart keeps them, so sessions survive it.
import { randomBytes } from "node:crypto";
import type { StackId } from "../../contract/events";

const newKey = () => randomBytes(32).toString("hex");

export class StackKeys {
  private keys = new Map<StackId, { token: string; service: string }>();

  /** The environment a shop process of `stack` is launched with. */
  env(stack: StackId): Record<string, string> {
    let keys = this.keys.get(stack);
    if (!keys) this.keys.set(stack, (keys = { token: newKey(), service: newKey() }));
    return { TOKEN_SECRET: keys.token, SERVICE_SECRET: keys.service };
  }

  /** Forgets every key: the processes started next get new ones, and nothing signed before is accepted. */
  renew(): void {
    this.keys.clear();
  }
}

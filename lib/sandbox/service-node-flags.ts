// The Node flags and environment each shop process is started with: its heap sized for what it does.
/**
 * Eight Node processes on a small machine: a 1 MB young generation and no V8 helper threads keep each service
 * near 60 MB resident instead of 80+, at a cost in throughput too small to see at the sandbox's loads.
 */
const COMMON_FLAGS = ["--max-semi-space-size=1", "--v8-pool-size=0"];

/** Extra flags for every service from the operator's environment, e.g. `SANDBOX_NODE_FLAGS="--cpu-prof"` to profile. */
function operatorFlags(): string[] {
  return (process.env.SANDBOX_NODE_FLAGS ?? "").split(/\s+/).filter((flag) => flag.startsWith("--"));
}

export function serviceNodeFlags(): string[] {
  return [...COMMON_FLAGS, ...operatorFlags()];
}

// The Node flags and environment each shop process is started with: its heap sized for what it does.
/**
 * Eight Node processes on a small machine: a 1 MB young generation and no V8 helper threads keep each service
 * near 60 MB resident instead of 80+, at a cost in throughput too small to see at the sandbox's loads; V8's
 * optimize-for-size (a heap grown less eagerly, less inlined code) saves several MB more per service.
 */
const COMMON_FLAGS = ["--max-semi-space-size=1", "--v8-pool-size=0", "--optimize-for-size"];

/** Extra flags for every service from the operator's environment, e.g. `SANDBOX_NODE_FLAGS="--cpu-prof"` to profile. */
function operatorFlags(): string[] {
  return (process.env.SANDBOX_NODE_FLAGS ?? "").split(/\s+/).filter((flag) => flag.startsWith("--"));
}

export function serviceNodeFlags(): string[] {
  return [...COMMON_FLAGS, ...operatorFlags()];
}

/**
 * The processes that hash passwords (auth-service, and the monolith's auth module) run scrypt, 16 MB a call, on libuv's
 * thread pool; with its default four threads, glibc keeps a 16 MB block per thread resident after the logins are done
 * (auth-service ~160 MB, never released). Two threads keep half of that, and on a 2-core machine hash as fast (16
 * hashes in parallel: 2.2 s against 3.6 s). Not a fixed MALLOC_MMAP_THRESHOLD_ to give blocks back to the system:
 * every hash would fault its 16 MB in again, 4× slower, and registrations under traffic would time out.
 */
const HASHING_PROCESSES = new Set(["auth-service", "monolith"]);

/** Environment added to a shop process's own (before the sandbox's variables). */
export function serviceEnvironment(id: string): Record<string, string> {
  return HASHING_PROCESSES.has(id) ? { UV_THREADPOOL_SIZE: "2" } : {};
}

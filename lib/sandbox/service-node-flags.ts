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
 * glibc's allocator, told to give large blocks back. By default it raises its mmap threshold after the first large
 * block is freed, so the next ones come from the heap and stay resident: auth-service's scrypt (16 MB a login, on
 * up to four threads) kept ~60 MB it no longer used. A fixed threshold keeps every block over 1 MB mmapped,
 * returned to the system when freed.
 */
export const SERVICE_MALLOC_ENV: Record<string, string> = { MALLOC_MMAP_THRESHOLD_: String(1024 * 1024) };

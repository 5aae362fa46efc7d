// Test-only preload for the app: on SIGUSR2 it throws an error nobody catches, so a test can watch the server crash
// through its real crash path (process.on("uncaughtException")) without any hook in production code.
process.on("SIGUSR2", () => {
  setImmediate(() => {
    throw new Error("a crash provoked by the no-orphans integration test");
  });
});

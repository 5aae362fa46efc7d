// Playwright drives Debian's Chromium against a production build of the app, started here as the user would.
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
export const baseURL = `http://127.0.0.1:${port}`;
/** A second app in classroom mode, for e2e/classroom-*.spec.ts (a presenter and a student on one machine). */
const classroomPort = Number(process.env.E2E_CLASSROOM_PORT ?? port + 1);
export const classroomURL = `http://127.0.0.1:${classroomPort}`;
export const CLASSROOM_TOKEN = "e2e-classroom-presenter-token-0123456789";
// The app runs on the Node running the tests (the project's Node 24, through npx), whatever `node` a shell would find.
const serverCommand = `${JSON.stringify(process.execPath)} .build/server.mjs`;
const classroomSpecs = /classroom-.*\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  // One sandbox serves every test; they run one at a time because each acts on the same shop.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"], ["json", { outputFile: ".test-reports/e2e.json" }]] : [["list"]],
  use: {
    baseURL,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // Chromium's own background traffic is refused on a closed network; it only slows the start.
      args: ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    },
    trace: "retain-on-failure",
  },
  projects: [
    { name: "sandbox", testIgnore: classroomSpecs },
    { name: "classroom", testMatch: classroomSpecs, use: { baseURL: classroomURL } },
  ],
  webServer: [{
    // What `npm start` runs: the server compiled by the set-up (scripts/build-services.mjs).
    command: serverCommand,
    url: `${baseURL}/api/sandbox`,
    env: { NODE_ENV: "production", PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    // The app stops its redis-server and services on SIGTERM; give it the time to.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  }, {
    // `npm run classroom`, kept on loopback; ready when it answers (a 403 to a visitor without the token).
    command: serverCommand,
    url: `${classroomURL}/api/classroom`,
    env: { NODE_ENV: "production", PORT: String(classroomPort), NEXT_TELEMETRY_DISABLED: "1", SANDBOX_CLASSROOM: "1", SANDBOX_HOST: "127.0.0.1", SANDBOX_PRESENTER_TOKEN: CLASSROOM_TOKEN },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  }],
});

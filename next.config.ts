// Next.js settings for the sandbox's pages; the custom server (server.ts) serves them with socket.io and the control API.
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // The server's own modules (supervisor, redis, child processes) never reach the browser bundle.
  serverExternalPackages: ["bullmq", "ioredis"],
  poweredByHeader: false,
};

export default nextConfig;

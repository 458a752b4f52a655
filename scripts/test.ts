/**
 * npm test: the whole suite. Unit and integration tests (vitest, real PostgreSQL), then the
 * browser tests (Playwright on the system Chromium against a production build).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

function step(title: string, command: string, args: string[]) {
  console.log(`\n▶ ${title}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`✗ ${title} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

const npx = "npx";
step("Typecheck", npx, ["tsc", "--noEmit"]);
step("Lint", npx, ["biome", "check", "."]);
step("Unit and integration tests", npx, ["vitest", "run"]);
const hasE2e = existsSync("e2e") && readdirSync("e2e").some((f) => f.endsWith(".spec.ts"));
if (hasE2e) step("Browser tests", npx, ["playwright", "test"]);

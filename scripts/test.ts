/**
 * npm test: the whole suite. Unit and integration tests (vitest, real PostgreSQL), then the
 * browser tests (Playwright on the system Chromium against a production build).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";

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
// vitest's JSON report is read too: a failed test must fail the suite whatever the exit code says.
mkdirSync(".test-data", { recursive: true });
const report = ".test-data/vitest-report.json";
step("Unit and integration tests", npx, [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${report}`,
]);
const results = JSON.parse(readFileSync(report, "utf8")) as {
  numFailedTests: number;
  success: boolean;
};
if (results.numFailedTests > 0 || !results.success) {
  console.error(`✗ Unit and integration tests: ${results.numFailedTests} failed`);
  process.exit(1);
}
const hasE2e = existsSync("e2e") && readdirSync("e2e").some((f) => f.endsWith(".spec.ts"));
if (hasE2e) step("Browser tests", npx, ["playwright", "test"]);

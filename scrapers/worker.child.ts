/**
 * For worker.test.ts: a worker process that, at the stage named by HANG_AT (inside the version
 * transaction), says so on stdout and hangs there, so the test can SIGKILL it mid-write.
 */
import { createDb } from "@/db/client";
import { startWorker } from "./worker";

const url = process.env.DATABASE_URL as string;
const { db } = createDb(url, { max: 4 });
await startWorker(db, url, {
  log: (line) => console.log(line),
  tick: false,
  pollingIntervalSeconds: 0.5,
  expireInSeconds: 3,
  retryDelaySeconds: 1,
  maintenanceIntervalSeconds: 1,
  fetchOptions: { hostDelayMs: 0, respectRobots: false },
  onStage: async (stage) => {
    if (stage === process.env.HANG_AT) {
      console.log(`HANGING at ${stage}`);
      await new Promise(() => {});
    }
  },
});
console.log("READY");

/** Test helper process: archives one document and kills itself with SIGKILL at a given stage. */
import { writeSync } from "node:fs";
import { eq } from "drizzle-orm";
import { createDb } from "@/db/client";
import { documents } from "@/db/schema";
import { archiveDocument, type Stage } from "../record";

const { db } = createDb(process.env.DATABASE_URL ?? "", { max: 2 });
const [doc] = await db
  .select()
  .from(documents)
  .where(eq(documents.id, Number(process.env.DOCUMENT_ID)));
if (!doc?.url) throw new Error("no such document");
await archiveDocument(
  db,
  { documentId: doc.id, url: doc.url, fetcher: "http", select: doc.select, remove: doc.remove },
  {
    fetchOptions: { hostDelayMs: 0 },
    onStage: (stage: Stage) => {
      if (stage === process.env.DIE_AT) {
        // Synchronous: a pipe write would be lost with the process.
        writeSync(1, `reached ${stage}\n`);
        process.kill(process.pid, "SIGKILL");
      }
    },
  },
);
console.log("finished without dying");

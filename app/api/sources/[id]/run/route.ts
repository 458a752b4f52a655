import { recordRunRequest } from "@/db/queries/sources";
import { getSource } from "@/db/queries/sources-read";
import { getDb } from "@/db/server";
import { backTo, guarded, wantsJson } from "@/lib/auth-guard";
import { requestRun } from "@/lib/queue";

type Context = { params: Promise<{ id: string }> };

/** Queues a run of the source now (maintainers); a worker picks it up within seconds. */
export const POST = guarded("maintainer", async (request, user, { params }: Context) => {
  const id = Number((await params).id);
  const db = await getDb();
  const source = Number.isInteger(id) ? await getSource(db, id) : undefined;
  if (!source) return Response.json({ error: "No such source" }, { status: 404 });
  const jobId = await requestRun({ documentId: id, trigger: "run_now" });
  await recordRunRequest(db, id, user, jobId);
  const message = jobId ? "Run queued" : "A run is already waiting for this source";
  return wantsJson(request)
    ? Response.json({ jobId, message }, { status: 202 })
    : backTo(request, `/sources/${id}`, { ok: message });
});

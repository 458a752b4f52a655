import { brotliDecompressSync } from "node:zlib";
import { runSnapshot } from "@/db/queries/sources-read";
import { getDb } from "@/db/server";

type Context = { params: Promise<{ id: string; runId: string }> };

/**
 * A run's captured snapshot, as served, for reading: always as plain text in a sandbox, so a
 * captured page can never run script on the dashboard's origin.
 */
export async function GET(_request: Request, { params }: Context) {
  const { id, runId } = await params;
  const snapshot = await runSnapshot(await getDb(), Number(id), Number(runId)).catch(
    () => undefined,
  );
  if (!snapshot) return new Response("No snapshot for this run\n", { status: 404 });
  const body =
    snapshot.compression === "br" ? brotliDecompressSync(snapshot.compressed) : snapshot.compressed;
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "content-security-policy": "sandbox; default-src 'none'",
      "x-content-type-options": "nosniff",
      "x-snapshot-content-type": snapshot.contentType,
      "x-snapshot-url": encodeURI(snapshot.finalUrl),
      "x-snapshot-sha256": snapshot.sha256,
    },
  });
}

/**
 * The raw capture of a version, as served when it was archived. Served so that nothing in it can
 * run: `Content-Security-Policy: sandbox` (no scripts, a unique origin), `nosniff`, and no
 * external loads. `?download=1` sends it as a file instead.
 */
import { brotliDecompressSync } from "node:zlib";
import { connection } from "next/server";
import { versionSnapshotBytes } from "@/db/queries/documents";
import { getDb } from "@/db/server";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string; versionId: string }> },
) {
  await connection();
  const { id, versionId } = await params;
  const documentId = Number(id);
  const vid = Number(versionId);
  const safety = {
    "Content-Security-Policy":
      "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "private, max-age=3600",
  };
  if (!Number.isSafeInteger(documentId) || !Number.isSafeInteger(vid)) {
    return new Response("Not found", { status: 404, headers: safety });
  }
  const snap = await versionSnapshotBytes(await getDb(), { documentId, versionId: vid });
  if (!snap) {
    return new Response("This version has no raw capture.", {
      status: 404,
      headers: { ...safety, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const bytes = snap.compression === "br" ? brotliDecompressSync(snap.compressed) : snap.compressed;
  const download = new URL(request.url).searchParams.has("download");
  const ext = snap.contentType.includes("html")
    ? "html"
    : snap.contentType.includes("json")
      ? "json"
      : "bin";
  return new Response(new Uint8Array(bytes), {
    headers: {
      ...safety,
      // Shown inline, the capture is never given an active type it could run as.
      "Content-Type": download
        ? snap.contentType
        : snap.contentType.replace(/javascript|xml\+svg/i, "plain"),
      "Content-Disposition": download
        ? `attachment; filename="termtrail-${documentId}-${vid}-${snap.sha256.slice(0, 12)}.${ext}"`
        : "inline",
      "X-Capture-Sha256": snap.sha256,
    },
  });
}

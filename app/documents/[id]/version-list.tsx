import Link from "next/link";
import type { documentVersions } from "@/db/queries/documents";
import { query } from "../../components/panel";
import { formatDate } from "../../format";

export type VersionListRow = Awaited<ReturnType<typeof documentVersions>>[number];

/** Every version of the document, newest first, each linking to its own diff. */
export function VersionList({
  documentId,
  list,
  currentId,
  view,
}: {
  documentId: number;
  list: VersionListRow[];
  currentId: number;
  view: "inline" | "side";
}) {
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      <ol className="versions" reversed>
        {[...list].reverse().map((v) => (
          <li key={v.id} className={v.id === currentId ? "current" : undefined}>
            <Link
              href={`/documents/${documentId}${query({ v: String(v.id), view: view === "side" ? "side" : undefined })}`}
              aria-current={v.id === currentId ? "page" : undefined}
            >
              {formatDate(v.capturedAt)}
            </Link>{" "}
            <span className="muted">
              {v.addedWords !== null ? `+${v.addedWords} −${v.removedWords}` : "first"}
              {v.findings > 0 ? ` · ${v.findings} findings` : ""}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The versions as options of a compare select. */
export function VersionOptions({ list }: { list: VersionListRow[] }) {
  return list.map((v) => (
    <option key={v.id} value={v.id}>
      #{v.seq} · {formatDate(v.capturedAt)}
    </option>
  ));
}

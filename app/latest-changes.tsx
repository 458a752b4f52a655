import Link from "next/link";
import type { latestChanges } from "@/db/queries/overview";
import { formatDate, formatNumber } from "./format";

/** The most recent changes anywhere in the archive, each linking to its diff. */
export function LatestChanges({ rows }: { rows: Awaited<ReturnType<typeof latestChanges>> }) {
  if (rows.length === 0) return <p className="empty">No change recorded yet.</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th>Date</th>
            <th>Platform</th>
            <th>Document</th>
            <th className="num">Words added</th>
            <th className="num">Words removed</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <td>{formatDate(c.capturedAt)}</td>
              <td>{c.platform}</td>
              <td>
                <Link href={`/documents/${c.documentId}?v=${c.versionId}`}>{c.documentType}</Link>
              </td>
              <td className="num">{formatNumber(c.addedWords)}</td>
              <td className="num">{formatNumber(c.removedWords)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

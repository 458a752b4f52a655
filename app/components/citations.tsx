import Link from "next/link";
import type { Citation } from "@/db/queries/timeline";
import { formatDate } from "../format";

/** Evidence: archived passages link to the version; published sources to their URL. */
export function Citations({ citations }: { citations: Citation[] }) {
  if (citations.length === 0) return <p className="muted">No citation recorded.</p>;
  return (
    <div className="evidence">
      <h4>Evidence</h4>
      <ul>
        {citations.map((c) =>
          c.versionId && c.passage ? (
            <li key={c.id} className="evidence-archived">
              <blockquote>{c.passage}</blockquote>
              <Link href={`/documents/${c.documentId}?v=${c.versionId}#marks`}>
                Archived passage: {c.documentType}, version of {formatDate(c.capturedAt)}
              </Link>
            </li>
          ) : (
            <li key={c.id} className="evidence-source">
              {c.publisher ? <span>{c.publisher}, </span> : null}
              {c.url ? (
                <a href={c.url} rel="noopener noreferrer">
                  {c.title ?? c.url}
                </a>
              ) : (
                <cite>{c.title}</cite>
              )}
              {c.publishedOn ? <span>, {formatDate(c.publishedOn)}</span> : null}
              {c.language && c.language !== "en" ? (
                <span className="muted"> ({c.language})</span>
              ) : null}
            </li>
          ),
        )}
      </ul>
    </div>
  );
}

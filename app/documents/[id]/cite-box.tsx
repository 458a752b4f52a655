import type { documentById, versionWithSnapshot } from "@/db/queries/documents";

export type DocumentRow = NonNullable<Awaited<ReturnType<typeof documentById>>>;
export type VersionRow = NonNullable<Awaited<ReturnType<typeof versionWithSnapshot>>>;

export const dateTime = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** The facts a reader needs to cite this version, and a ready-made citation. */
export function CiteBox({
  doc,
  version,
  sourceUrl,
  permalink,
}: {
  doc: DocumentRow;
  version: VersionRow;
  sourceUrl: string | null;
  permalink: string;
}) {
  const archivedBy = doc.archive
    ? `archived by ${doc.archive} (${doc.license ?? "licence not stated"})`
    : "archived by Termtrail";
  const citation = `${doc.platform}, “${doc.type}”, version captured ${dateTime(version.capturedAt)}${sourceUrl ? `, ${sourceUrl}` : ""}; ${archivedBy}${version.sha256 ? `, capture sha256 ${version.sha256}` : ""}. Termtrail: ${permalink}`;
  return (
    <section className="cite-box" aria-labelledby="cite-title">
      <h2 id="cite-title">Cite this version</h2>
      <dl>
        <dt>Source URL</dt>
        <dd>
          {sourceUrl ? (
            <a href={sourceUrl} rel="noopener noreferrer">
              {sourceUrl}
            </a>
          ) : (
            "not recorded"
          )}
        </dd>
        <dt>Archived</dt>
        <dd>
          <time dateTime={version.capturedAt.toISOString()}>{dateTime(version.capturedAt)}</time>
        </dd>
        <dt>Capture sha256</dt>
        <dd className="hash" data-testid="capture-sha256">
          {version.sha256 ?? "no raw capture (imported text)"}
        </dd>
        {!version.sha256 ? (
          <>
            <dt>Archive</dt>
            <dd>
              {doc.archive ?? "—"}
              {doc.license ? <div className="muted">{doc.license}</div> : null}
            </dd>
          </>
        ) : null}
        <dt>Text sha256</dt>
        <dd className="hash">{version.textHash}</dd>
        <dt>Permalink</dt>
        <dd>
          <a href={permalink}>{permalink}</a>
        </dd>
      </dl>
      <label className="citation">
        Citation
        <textarea readOnly rows={6} value={citation} />
      </label>
    </section>
  );
}

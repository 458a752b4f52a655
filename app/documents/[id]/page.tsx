import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import {
  documentById,
  documentEvents,
  documentVersions,
  type PassageMark,
  versionMarks,
  versionWithSnapshot,
} from "@/db/queries/documents";
import { getDb } from "@/db/server";
import { one, query, type SearchParams } from "../../components/panel";
import { formatDate, formatNumber } from "../../format";
import { CiteBox, dateTime } from "./cite-box";
import { diffRows, passageIn } from "./diff";
import { DiffView } from "./diff-view";
import { VersionList, VersionOptions } from "./version-list";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await connection();
  const id = Number((await params).id);
  const doc = Number.isSafeInteger(id) ? await documentById(await getDb(), { id }) : undefined;
  return { title: doc ? `${doc.platform}: ${doc.type}` : "Document not found" };
}

export default async function DocumentPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  await connection();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const sp = await searchParams;
  const db = await getDb();
  const [doc, list, citedBy] = await Promise.all([
    documentById(db, { id }),
    documentVersions(db, { documentId: id }),
    documentEvents(db, { documentId: id }),
  ]);
  if (!doc) notFound();
  const view = one(sp.view) === "side" ? "side" : "inline";
  const wanted = Number(one(sp.v));
  const currentIndex = list.findIndex((v) => v.id === wanted);
  const index = currentIndex >= 0 ? currentIndex : list.length - 1;
  const current = list[index];
  const againstWanted = Number(one(sp.against));
  const baseIndex = list.findIndex((v) => v.id === againstWanted);
  const base = baseIndex >= 0 && baseIndex !== index ? list[baseIndex] : list[index - 1];

  const [version, previous, marks] = current
    ? await Promise.all([
        versionWithSnapshot(db, { documentId: id, versionId: current.id }),
        base ? versionWithSnapshot(db, { documentId: id, versionId: base.id }) : undefined,
        versionMarks(db, { versionId: current.id }),
      ])
    : [undefined, undefined, [] as PassageMark[]];

  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? "http";
  const permalink = version ? `${proto}://${host}/documents/${id}?v=${version.id}` : "";
  const sourceUrl = version?.sourceUrl ?? version?.finalUrl ?? doc.url;
  const rows = version ? diffRows(previous?.markdown ?? "", version.markdown) : [];
  const placed = new Set<number>();
  const marksFor = (text: string | null) => {
    if (!text) return [];
    const found: Array<PassageMark & { index: number }> = [];
    marks.forEach((m, i) => {
      if (passageIn(text, m.excerpt)) {
        found.push({ ...m, index: i });
        placed.add(i);
      }
    });
    return found;
  };
  const link = (p: Record<string, string | undefined>) =>
    `/documents/${id}${query({ v: String(version?.id ?? ""), against: one(sp.against), view, ...p })}`;

  return (
    <>
      <p className="crumbs">
        <Link href={`/platforms/${doc.platformSlug}`}>{doc.platform}</Link> / {doc.type}
      </p>
      <h1>
        {doc.platform}: {doc.type}
      </h1>
      {doc.variant ? <p className="variant">{doc.variant}</p> : null}
      <p className="muted">
        {doc.archive ? `History imported from ${doc.archive}` : "Archived by Termtrail's scraper"}
        {doc.url ? (
          <>
            {" · "}
            <a href={doc.url} rel="noopener noreferrer">
              {doc.url}
            </a>
          </>
        ) : null}
        {" · "}
        {formatNumber(list.length)} versions · language {doc.locale}
      </p>
      {!version ? (
        <p className="empty">No version archived yet.</p>
      ) : (
        <div className="doc-layout">
          <div className="doc-main">
            <section aria-labelledby="diff-title">
              <div className="panel-head">
                <h2 id="diff-title">
                  {previous
                    ? `Changes from ${formatDate(previous.capturedAt)} to ${formatDate(version.capturedAt)}`
                    : `First version, ${formatDate(version.capturedAt)}`}
                </h2>
                <nav className="tabs" aria-label="Diff layout">
                  <Link
                    href={link({ view: "inline" })}
                    aria-current={view === "inline" ? "page" : undefined}
                  >
                    Inline
                  </Link>
                  <Link
                    href={link({ view: "side" })}
                    aria-current={view === "side" ? "page" : undefined}
                  >
                    Side by side
                  </Link>
                </nav>
              </div>
              <form className="filters compare" method="get" action={`/documents/${id}`}>
                <label>
                  Compare
                  <select name="against" defaultValue={String(base?.id ?? "")}>
                    <VersionOptions list={list} />
                  </select>
                </label>
                <label>
                  with
                  <select name="v" defaultValue={String(version.id)}>
                    <VersionOptions list={list} />
                  </select>
                </label>
                <input type="hidden" name="view" value={view} />
                <button type="submit">Show diff</button>
              </form>
              {marks.length > 0 ? (
                <div id="marks" className="marks-summary">
                  <h3>Findings on this version</h3>
                  <ul>
                    {marks.map((m) => (
                      <li key={`${m.source}-${m.label}-${m.excerpt.slice(0, 40)}`}>
                        <span className={`mark-label mark-${m.source}`}>{m.label}</span>{" "}
                        {m.href ? (
                          <Link href={m.href}>event</Link>
                        ) : (
                          <span className="muted">{m.state}</span>
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <DiffView rows={rows} view={view} marksFor={marksFor} />
            </section>
          </div>
          <aside className="doc-side">
            <CiteBox doc={doc} version={version} sourceUrl={sourceUrl} permalink={permalink} />
            <section aria-labelledby="raw-title">
              <h2 id="raw-title">Raw capture</h2>
              {version.snapshotId ? (
                <>
                  <p className="muted">
                    As served on {dateTime(version.capturedAt)} (
                    {formatNumber(version.byteSize ?? 0)} bytes, {version.contentType}). Shown
                    sandboxed: no script in it runs.
                  </p>
                  <iframe
                    className="raw-frame"
                    title="Raw capture (sandboxed)"
                    sandbox=""
                    referrerPolicy="no-referrer"
                    src={`/documents/${id}/versions/${version.id}/raw`}
                  />
                  <p>
                    <a
                      href={`/documents/${id}/versions/${version.id}/raw`}
                      target="_blank"
                      rel="noopener"
                    >
                      Open alone
                    </a>
                    {" · "}
                    <a href={`/documents/${id}/versions/${version.id}/raw?download=1`} download>
                      Download
                    </a>
                  </p>
                </>
              ) : (
                <p className="note" data-testid="no-snapshot">
                  No raw capture: this version was imported as text from{" "}
                  <strong>{doc.archive ?? "another archive"}</strong>
                  {doc.license ? ` (${doc.license})` : ""}. Cite that archive with it.
                </p>
              )}
            </section>
            {citedBy.length > 0 ? (
              <section>
                <h2>Events citing this document</h2>
                <ul>
                  {citedBy.map((e) => (
                    <li key={e.id}>
                      <Link href={`/events/${e.id}`}>{e.title}</Link>{" "}
                      <span className="muted">{formatDate(e.occurredOn)}</span>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <VersionList documentId={id} list={list} currentId={version.id} view={view} />
          </aside>
        </div>
      )}
    </>
  );
}

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
import { type DiffRow, diffRows, passageIn, type Segment } from "./diff";

type Params = Promise<{ id: string }>;

const dateTime = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

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
  const archivedBy = doc.archive
    ? `archived by ${doc.archive} (${doc.license ?? "licence not stated"})`
    : "archived by Termtrail";
  const citation = version
    ? `${doc.platform}, “${doc.type}”, version captured ${dateTime(version.capturedAt)}${sourceUrl ? `, ${sourceUrl}` : ""}; ${archivedBy}${version.sha256 ? `, capture sha256 ${version.sha256}` : ""}. Termtrail: ${permalink}`
    : "";
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
                    {list.map((v) => (
                      <option key={v.id} value={v.id}>
                        #{v.seq} · {formatDate(v.capturedAt)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  with
                  <select name="v" defaultValue={String(version.id)}>
                    {list.map((v) => (
                      <option key={v.id} value={v.id}>
                        #{v.seq} · {formatDate(v.capturedAt)}
                      </option>
                    ))}
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
              <Diff rows={rows} view={view} marksFor={marksFor} />
            </section>
          </div>
          <aside className="doc-side">
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
                  <time dateTime={version.capturedAt.toISOString()}>
                    {dateTime(version.capturedAt)}
                  </time>
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
            <section aria-labelledby="versions-title">
              <h2 id="versions-title">Versions</h2>
              <ol className="versions" reversed>
                {[...list].reverse().map((v) => (
                  <li key={v.id} className={v.id === version.id ? "current" : undefined}>
                    <Link
                      href={`/documents/${id}${query({ v: String(v.id), view: view === "side" ? "side" : undefined })}`}
                      aria-current={v.id === version.id ? "page" : undefined}
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
          </aside>
        </div>
      )}
    </>
  );
}

function Segments({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.kind === "add" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity but their place
          <ins key={i}>{s.text}</ins>
        ) : s.kind === "del" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity but their place
          <del key={i}>{s.text}</del>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity but their place
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

function Marked({
  marks,
  children,
}: {
  marks: Array<PassageMark & { index: number }>;
  children: React.ReactNode;
}) {
  if (marks.length === 0) return <>{children}</>;
  return (
    <mark className="finding" data-finding={marks.map((m) => m.label).join(" | ")}>
      <span className="finding-labels">
        {marks.map((m) => (
          <span key={m.index} className={`mark-label mark-${m.source}`}>
            {m.label}
          </span>
        ))}
      </span>
      {children}
    </mark>
  );
}

function Diff({
  rows,
  view,
  marksFor,
}: {
  rows: DiffRow[];
  view: "inline" | "side";
  marksFor: (text: string | null) => Array<PassageMark & { index: number }>;
}) {
  if (rows.every((r) => r.type !== "change")) return <p className="empty">No textual change.</p>;
  if (view === "side") {
    return (
      <div className="diff diff-side" data-view="side">
        <div className="diff-head">Before</div>
        <div className="diff-head">After</div>
        {rows.map((r, i) => {
          const key = `r${i}`;
          if (r.type === "gap")
            return (
              <div key={key} className="diff-gap">
                {r.count} unchanged paragraphs
              </div>
            );
          if (r.type === "same")
            return (
              <div key={key} className="diff-row-same">
                <p>{r.text}</p>
                <p>{r.text}</p>
              </div>
            );
          return (
            <div key={key} className="diff-row-change">
              <p className={r.left ? "diff-del" : "diff-empty"}>
                {r.left ? <Segments segments={r.left} /> : null}
              </p>
              <p className={r.right ? "diff-add" : "diff-empty"}>
                {r.right ? (
                  <Marked marks={marksFor(r.rightText)}>
                    <Segments segments={r.right} />
                  </Marked>
                ) : null}
              </p>
            </div>
          );
        })}
      </div>
    );
  }
  return (
    <div className="diff diff-inline" data-view="inline">
      {rows.map((r, i) => {
        const key = `r${i}`;
        if (r.type === "gap")
          return (
            <div key={key} className="diff-gap">
              {r.count} unchanged paragraphs
            </div>
          );
        if (r.type === "same")
          return (
            <p key={key} className="diff-same">
              {r.text}
            </p>
          );
        if (r.left && r.right && r.left.some((s) => s.kind === "same")) {
          const merged: Segment[] = [];
          // Interleave: removed words then added words, in the order they appear.
          let li = 0;
          let ri = 0;
          while (li < r.left.length || ri < r.right.length) {
            const l = r.left[li];
            const rr = r.right[ri];
            if (l && l.kind === "del") {
              merged.push(l);
              li++;
            } else if (rr && rr.kind === "add") {
              merged.push(rr);
              ri++;
            } else {
              if (rr) merged.push(rr);
              li++;
              ri++;
            }
          }
          return (
            <p key={key} className="diff-edit">
              <Marked marks={marksFor(r.rightText)}>
                <Segments segments={merged} />
              </Marked>
            </p>
          );
        }
        return (
          <div key={key}>
            {r.left ? (
              <p className="diff-del">
                <Segments segments={r.left} />
              </p>
            ) : null}
            {r.right ? (
              <p className="diff-add">
                <Marked marks={marksFor(r.rightText)}>
                  <Segments segments={r.right} />
                </Marked>
              </p>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getSource, runHistory, sourceVersions } from "@/db/queries/sources-read";
import { getDb } from "@/db/server";
import { sessionUser } from "@/lib/auth";
import { hasRole } from "@/lib/auth-guard";
import { nextRun } from "@/scrapers/queue";
import { formatNumber } from "../../format";
import { cronInWords } from "../cron-words";
import { Flash } from "../flash";
import { LocalTime } from "../local-time";
import { RunStatus } from "../status";

export const metadata: Metadata = { title: "Source" };

export default async function SourcePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ ok?: string; error?: string }>;
}) {
  await connection();
  const id = Number((await params).id);
  const db = await getDb();
  const source = Number.isInteger(id) ? await getSource(db, id) : undefined;
  if (!source) notFound();
  const [runs, versionRows, user, flash] = await Promise.all([
    runHistory(db, id),
    sourceVersions(db, id),
    sessionUser(await headers()),
    searchParams,
  ]);
  const doc = source.document;
  const canEdit = hasRole(user, "maintainer");
  const next = doc.enabled ? nextRun(doc.schedule, doc.id) : null;
  const latest = versionRows[0];

  return (
    <>
      <p className="muted">
        <Link href="/sources">Sources</Link> ›
      </p>
      <h1>
        {source.platform.name} · {doc.type}
        {doc.variant ? ` (${doc.variant})` : ""}
      </h1>
      <Flash {...flash} />
      <div className="card">
        <div className="url">
          <a href={doc.url ?? "#"} rel="noreferrer noopener" target="_blank">
            {doc.url}
          </a>
        </div>
        <div>
          Fetcher <strong>{doc.fetcher}</strong> · locale {doc.locale} · key <code>{doc.key}</code>
        </div>
        <div>
          Schedule <code>{doc.schedule}</code> ({cronInWords(doc.schedule)}) ·{" "}
          {doc.enabled ? (
            <>
              <span className="badge ok">enabled</span>
              {next ? (
                <>
                  {" "}
                  next run <LocalTime iso={next.toISOString()} />
                </>
              ) : null}
            </>
          ) : (
            <span className="badge off">paused</span>
          )}
        </div>
      </div>
      {canEdit ? (
        <div className="actions">
          <form method="post" action={`/api/sources/${id}/run`}>
            <button type="submit">Run now</button>
          </form>
          <form method="post" action={`/api/sources/${id}/${doc.enabled ? "pause" : "resume"}`}>
            <button type="submit" className="secondary">
              {doc.enabled ? "Pause" : "Resume"}
            </button>
          </form>
          <Link href={`/sources/${id}/edit`} className="button secondary">
            Edit
          </Link>
        </div>
      ) : null}

      <h2>Latest version</h2>
      {latest ? (
        <div className="card" data-testid="latest-version">
          <h3>
            Version {latest.seq} · <LocalTime iso={latest.capturedAt.toISOString()} /> ·{" "}
            {formatNumber(latest.wordCount)} words
          </h3>
          {latest.changeId ? (
            <>
              <p className="muted">
                +{formatNumber(latest.addedWords ?? 0)} / −{formatNumber(latest.removedWords ?? 0)}{" "}
                words since version {latest.seq - 1}
              </p>
              {(latest.passages ?? []).slice(0, 8).map((p) => (
                <div key={`${p.type}:${p.text.slice(0, 80)}`} className={`passage ${p.type}`}>
                  {p.type === "added" ? "+ " : "− "}
                  {p.text.length > 600 ? `${p.text.slice(0, 600)}…` : p.text}
                </div>
              ))}
            </>
          ) : (
            <p className="muted">The first version: nothing to compare with.</p>
          )}
        </div>
      ) : (
        <p className="empty">No version archived yet.</p>
      )}

      <h2>Run history</h2>
      <div className="table-wrap">
        {runs.length === 0 ? (
          <p className="empty">No run yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Started</th>
                <th>Status</th>
                <th className="hide-narrow">Trigger</th>
                <th className="num hide-narrow">HTTP</th>
                <th className="num hide-narrow">Time</th>
                <th>Details</th>
              </tr>
            </thead>
            <tbody>
              {runs.map(({ run, snapshotSha, snapshotBytes, versionSeq }) => (
                <tr key={run.id}>
                  <td>
                    <LocalTime iso={run.startedAt.toISOString()} withZone={false} />
                  </td>
                  <td>
                    <RunStatus status={run.status} />
                  </td>
                  <td className="hide-narrow">{run.trigger}</td>
                  <td className="num hide-narrow">{run.httpStatus ?? "—"}</td>
                  <td className="num hide-narrow">
                    {run.durationMs != null ? `${formatNumber(run.durationMs)} ms` : "—"}
                  </td>
                  <td>
                    {run.errorClass ? (
                      <details>
                        <summary>
                          {run.errorClass} / {run.errorCode}
                        </summary>
                        <pre className="error">{run.errorMessage}</pre>
                        {run.finalUrl ? <div className="url">{run.finalUrl}</div> : null}
                      </details>
                    ) : null}
                    {versionSeq ? <div>version {versionSeq}</div> : null}
                    {snapshotSha ? (
                      <a href={`/sources/${id}/runs/${run.id}`}>
                        snapshot ({formatNumber(Math.round((snapshotBytes ?? 0) / 1024))} KiB)
                      </a>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}

import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { connection } from "next/server";
import { listSources } from "@/db/queries/sources-read";
import { getDb } from "@/db/server";
import { sessionUser } from "@/lib/auth";
import { hasRole } from "@/lib/auth-guard";
import { nextRun } from "@/scrapers/queue";
import { formatDate } from "../format";
import { cronInWords } from "./cron-words";
import { Flash } from "./flash";
import { LocalTime } from "./local-time";
import { RunStatus } from "./status";

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage({
  searchParams,
}: {
  searchParams: Promise<{ ok?: string; error?: string }>;
}) {
  await connection();
  const db = await getDb();
  const [sources, user, flash] = await Promise.all([
    listSources(db),
    sessionUser(await headers()),
    searchParams,
  ]);
  const canEdit = hasRole(user, "maintainer");
  const now = new Date();

  return (
    <>
      <h1>Sources</h1>
      <p className="lede">
        Every tracked document, where it is fetched from, how often, and how its last runs went.
        Schedules are cron expressions in UTC; next runs are shown in your time zone.
      </p>
      <Flash {...flash} />
      {canEdit ? (
        <p className="actions">
          <Link href="/sources/new" className="button">
            Add a source
          </Link>
        </p>
      ) : null}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Document</th>
              <th className="hide-narrow">URL and fetcher</th>
              <th>Schedule</th>
              <th>Last run</th>
              <th className="num">Failures in a row</th>
              <th className="hide-narrow">Last new version</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => {
              const next = s.enabled ? nextRun(s.schedule, s.id, now) : null;
              return (
                <tr key={s.id}>
                  <td>
                    <Link href={`/sources/${s.id}`}>
                      {s.platform} · {s.type}
                    </Link>
                    {s.variant ? <div className="muted">{s.variant}</div> : null}
                  </td>
                  <td className="hide-narrow">
                    <div className="url">{s.url}</div>
                    <span className="muted">{s.fetcher}</span>
                  </td>
                  <td>
                    <code>{s.schedule}</code>
                    <div className="muted">{cronInWords(s.schedule)}</div>
                    {s.enabled ? (
                      next ? (
                        <div className="muted">
                          next: <LocalTime iso={next.toISOString()} />
                        </div>
                      ) : null
                    ) : (
                      <span className="badge off">paused</span>
                    )}
                  </td>
                  <td>
                    <RunStatus status={s.lastStatus} />
                    {s.lastRunAt ? <div className="muted">{formatDate(s.lastRunAt)}</div> : null}
                  </td>
                  <td className="num">{s.consecutiveFailures}</td>
                  <td className="hide-narrow">{formatDate(s.lastNewVersionAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

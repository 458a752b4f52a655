import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { healthReport } from "@/db/queries/health";
import { getDb } from "@/db/server";
import { formatNumber } from "../format";
import { LocalTime } from "../sources/local-time";

export const metadata: Metadata = { title: "Health" };

const CLASS_HELP: Record<string, string> = {
  transient: "network trouble or a server error: retried with backoff",
  blocked: "refused by the site (robots.txt, a bot wall, 403/401) or by our URL guard",
  extraction: "fetched, but the selectors found nothing usable: the declaration needs fixing",
  storage: "our database failed while recording",
  internal: "a bug: see the error details",
};

export default async function HealthPage() {
  await connection();
  const report = await healthReport(await getDb());
  const { failing, shrunk, backlog, workers } = report;
  const failingCount = failing.reduce((n, g) => n + g.sources.length, 0);

  return (
    <>
      <h1>Health</h1>
      <p className="lede">
        What broke, at a glance. Also as JSON: <Link href="/api/health">/api/health</Link>.
      </p>
      <section className="figures" aria-label="Health summary">
        <div className="figure">
          <strong>{failingCount}</strong>
          <span>failing sources</span>
        </div>
        <div className="figure">
          <strong>{shrunk.length}</strong>
          <span>extractions that lost text</span>
        </div>
        <div className="figure">
          <strong>{(backlog.created ?? 0) + (backlog.retry ?? 0)}</strong>
          <span>jobs waiting ({backlog.retry ?? 0} retries)</span>
        </div>
        <div className="figure">
          <strong>{workers.filter((w) => w.state === "alive").length}</strong>
          <span>workers alive</span>
        </div>
      </section>

      <h2>Failing sources</h2>
      {failing.length === 0 ? (
        <p className="empty">Every source&apos;s last run succeeded.</p>
      ) : null}
      {failing.map((group) => (
        <section key={group.errorClass} aria-label={`Failing: ${group.errorClass}`}>
          <h3>
            {group.errorClass} ({group.sources.length}){" "}
            <span className="muted">{CLASS_HELP[group.errorClass] ?? ""}</span>
          </h3>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Source</th>
                  <th>Error</th>
                  <th className="num">In a row</th>
                  <th className="hide-narrow">Last run</th>
                </tr>
              </thead>
              <tbody>
                {group.sources.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link href={`/sources/${s.id}`}>
                        {s.platform} · {s.type}
                      </Link>
                    </td>
                    <td>
                      <code>{s.errorCode}</code>
                      {s.errorMessage ? <div className="muted">{s.errorMessage}</div> : null}
                    </td>
                    <td className="num">{s.failuresInARow}</td>
                    <td className="hide-narrow">
                      <LocalTime iso={s.lastRunAt.toISOString()} withZone={false} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}

      <h2>Extractions that suddenly lost most of their text</h2>
      <div className="table-wrap">
        {shrunk.length === 0 ? (
          <p className="empty">None in the last 30 days.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Source</th>
                <th className="num">Words before</th>
                <th className="num">Words after</th>
                <th className="hide-narrow">Seen in</th>
                <th className="hide-narrow">When</th>
              </tr>
            </thead>
            <tbody>
              {shrunk.map((s) => (
                <tr key={`${s.id}-${s.how}`}>
                  <td>
                    <Link href={`/sources/${s.id}`}>
                      {s.platform} · {s.type}
                    </Link>
                  </td>
                  <td className="num">{formatNumber(s.wordsBefore ?? 0)}</td>
                  <td className="num">{formatNumber(s.wordsAfter)}</td>
                  <td className="hide-narrow">{s.how}</td>
                  <td className="hide-narrow">
                    <LocalTime iso={s.at.toISOString()} withZone={false} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <h2>Queue</h2>
      <p>
        Scrape jobs waiting: <strong>{backlog.created ?? 0}</strong>, to retry:{" "}
        <strong>{backlog.retry ?? 0}</strong>, running: <strong>{backlog.active ?? 0}</strong>,
        overdue by more than 5 minutes: <strong>{backlog.overdue ?? 0}</strong>.
      </p>

      <h2>Workers</h2>
      <div className="table-wrap">
        {workers.length === 0 ? (
          <p className="empty">
            No worker seen in the last 7 days. Start one with <code>npm run worker</code>.
          </p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Worker</th>
                <th>State</th>
                <th>Last seen</th>
                <th className="hide-narrow">Working on</th>
              </tr>
            </thead>
            <tbody>
              {workers.map((w) => (
                <tr key={w.id}>
                  <td>
                    <code>{w.id}</code>
                  </td>
                  <td>
                    <span
                      className={`badge ${w.state === "alive" ? "ok" : w.state === "lost" ? "bad" : "off"}`}
                    >
                      {w.state}
                    </span>
                  </td>
                  <td>
                    <LocalTime iso={w.lastSeenAt.toISOString()} />
                  </td>
                  <td className="hide-narrow">{w.currentJob ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}

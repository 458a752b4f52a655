import Link from "next/link";
import { connection } from "next/server";
import { archiveTotals, documentsWithVersionCounts, latestChanges } from "@/db/queries/overview";
import { getDb } from "@/db/server";
import { formatDate, formatNumber } from "./format";

export default async function OverviewPage() {
  await connection();
  const db = await getDb();
  const [totals, docs, recent] = await Promise.all([
    archiveTotals(db),
    documentsWithVersionCounts(db),
    latestChanges(db, { limit: 15 }),
  ]);

  return (
    <>
      <h1>What platforms changed in their terms</h1>
      <p className="lede">
        Termtrail archives privacy policies, terms of service and partner terms over time, and
        records every change with its evidence.
      </p>
      <section className="figures" aria-label="Archive totals">
        <Figure label="platforms" value={totals.platforms} />
        <Figure label="documents" value={totals.documents} />
        <Figure label="versions" value={totals.versions} />
        <Figure label="changes" value={totals.changes} />
        <Figure label="fetch runs" value={totals.fetchRuns} />
      </section>

      <h2>Latest changes</h2>
      <div className="table-wrap">
        {recent.length === 0 ? (
          <p className="empty">No change recorded yet.</p>
        ) : (
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
              {recent.map((c) => (
                <tr key={c.id}>
                  <td>{formatDate(c.capturedAt)}</td>
                  <td>{c.platform}</td>
                  <td>{c.documentType}</td>
                  <td className="num">{formatNumber(c.addedWords)}</td>
                  <td className="num">{formatNumber(c.removedWords)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <h2>Documents</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Platform</th>
              <th>Document</th>
              <th className="hide-narrow">Source</th>
              <th className="num">Versions</th>
              <th className="hide-narrow">First</th>
              <th>Latest</th>
            </tr>
          </thead>
          <tbody>
            {docs.map((d) => (
              <tr key={d.id}>
                <td>{d.platform}</td>
                <td>
                  {d.type}
                  {d.variant ? <div className="muted">{d.variant}</div> : null}
                </td>
                <td className="hide-narrow muted">
                  {d.archive ?? (d.origin === "declaration" ? "Termtrail scraper" : d.origin)}
                </td>
                <td className="num">{formatNumber(d.versions)}</td>
                <td className="hide-narrow">{formatDate(d.firstCaptured)}</td>
                <td>{formatDate(d.lastCaptured)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">
        Sources of the archived history are credited on the <Link href="/about">about page</Link>.
      </p>
    </>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <div className="figure">
      <strong>{formatNumber(value)}</strong>
      <span>{label}</span>
    </div>
  );
}

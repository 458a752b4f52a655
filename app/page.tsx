import Link from "next/link";
import { connection } from "next/server";
import {
  changeActivity,
  consentDeadlines,
  DEADLINE_LIMIT,
  dashboardTotals,
  documentsPerPlatform,
  expansionSteps,
  type OverviewFilters,
  platformOptions,
  pressureCases,
} from "@/db/queries/dashboard";
import { getDb } from "@/db/server";
import {
  ActivityChart,
  DeadlineChart,
  type DeadlineSegment,
  ExpansionChart,
  type MonthRow,
  PressureChart,
  type PressurePoint,
  type StepSeries,
  WordsChart,
} from "./components/charts";
import { ChartPanel, isoDay, one, query, type SearchParams } from "./components/panel";
import { formatNumber } from "./format";

const ts = (d: string) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`);

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const sp = await searchParams;
  const f: OverviewFilters = {
    platform: one(sp.platform),
    from: isoDay(one(sp.from)),
    to: isoDay(one(sp.to)),
  };
  const db = await getDb();
  const [totals, perPlatform, platforms, deadlines, steps, pressure, activity] = await Promise.all([
    dashboardTotals(db),
    documentsPerPlatform(db),
    platformOptions(db),
    consentDeadlines(db, f),
    expansionSteps(db, f),
    pressureCases(db, f),
    changeActivity(db, f),
  ]);
  const today = new Date().toISOString().slice(0, 10);
  const qs = query({ platform: f.platform, from: f.from, to: f.to });
  const csv = (dataset: string, extra: Record<string, string> = {}) =>
    `/api/export/${dataset}.csv${query({ ...extra, platform: f.platform, from: f.from, to: f.to })}`;

  const segments: DeadlineSegment[] = deadlines.flatMap((d) => [
    {
      label: `${d.platform}: notice`,
      kind: "notice" as const,
      range: [ts(d.announcedOn), ts(d.deadline)] as [number, number],
      eventId: d.eventId,
      from: d.announcedOn,
      to: d.deadline,
    },
    ...d.postponements.map((p, i) => ({
      label: `${d.platform}: postponement ${i + 1}`,
      kind: "postponed" as const,
      range: [ts(p.from), ts(p.to)] as [number, number],
      eventId: d.eventId,
      from: p.from,
      to: p.to,
    })),
  ]);

  const expansionPlatforms = [...new Set(steps.map((s) => s.platform))];
  const series: StepSeries[] = expansionPlatforms.flatMap((name, i) =>
    (["categories", "recipients"] as const).map((measure) => ({
      name,
      measure,
      colorIndex: i,
      points: steps
        .filter((s) => s.platform === name)
        .map((s) => ({
          t: ts(s.date),
          value: s[measure],
          eventId: s.eventId,
          title: s.title,
          date: s.date,
        })),
    })),
  );

  const pressurePoints: PressurePoint[] = pressure.flatMap((c) =>
    c.startedOn
      ? c.leverage.map((l) => ({
          t: ts(c.startedOn as string),
          row: `${c.platform} · ${l}`,
          caseId: c.caseId,
          title: `${c.title} (${c.partner})`,
          leverage: l,
          date: c.startedOn as string,
        }))
      : [],
  );
  const pressureRows = [...new Set(pressurePoints.map((p) => p.row))];

  const activityPlatforms = [...new Set(activity.map((a) => a.platform))].sort();
  const byMonth = new Map<string, MonthRow>();
  for (const a of activity) {
    const row = byMonth.get(a.month) ?? { month: a.month };
    row[a.platform] = a.versions;
    byMonth.set(a.month, row);
  }
  const monthRows = [...byMonth.values()];
  const wordSeries = activityPlatforms.map((name) => ({
    name,
    points: activity
      .filter((a) => a.platform === name)
      .map((a) => ({ t: ts(`${a.month}-01`), words: a.avgWords, month: a.month })),
  }));

  return (
    <>
      <h1>What platforms changed in their terms</h1>
      <p className="lede">
        Forced-consent deadlines, data-sharing expansions and pressure on partners, drawn from the
        archived versions of platforms&apos; privacy policies and terms and from cited reporting.
        Every mark links to its evidence.
      </p>
      <section className="figures" aria-label="Archive totals">
        <Figure label="platforms" value={totals.platforms} />
        <Figure label="documents" value={totals.documents} />
        <Figure label="versions" value={totals.versions} />
        <Figure label="changes" value={totals.changes} />
        <Figure
          label={totals.fetchRunsApproximate ? "fetch runs (approx.)" : "fetch runs"}
          value={totals.fetchRuns}
        />
      </section>

      <form className="filters" method="get" action="/" aria-label="Filter the charts">
        <label>
          Platform
          <select name="platform" defaultValue={f.platform ?? ""}>
            <option value="">All platforms</option>
            {platforms.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" name="from" defaultValue={f.from ?? ""} />
        </label>
        <label>
          To
          <input type="date" name="to" defaultValue={f.to ?? ""} />
        </label>
        <button type="submit">Apply</button>
        {qs ? <Link href="/">Reset</Link> : null}
      </form>

      <div className="panels">
        <ChartPanel
          id="deadlines"
          title="Forced-consent deadlines"
          caption={`One bar per forced-consent deadline event (the latest ${DEADLINE_LIMIT} at most; the CSV holds them all), from the day users were told to the deadline; each postponement is drawn as an extension from the old deadline to the new one. The dashed line is today.`}
          csv={csv("events", { kind: "forced_consent_deadline" })}
          marks={segments.length}
          empty="No forced-consent deadline in this selection."
          chart={<DeadlineChart segments={segments} today={today} />}
          table={
            <table>
              <thead>
                <tr>
                  <th>Platform</th>
                  <th>Event</th>
                  <th>Announced</th>
                  <th>Deadline</th>
                  <th>Postponements</th>
                </tr>
              </thead>
              <tbody>
                {deadlines.map((d) => (
                  <tr key={d.eventId}>
                    <td>{d.platform}</td>
                    <td>
                      <Link href={`/events/${d.eventId}`}>{d.title}</Link>
                    </td>
                    <td>{d.announcedOn}</td>
                    <td>{d.deadline}</td>
                    <td>
                      {d.postponements.length === 0
                        ? "none"
                        : d.postponements
                            .map((p) => `${p.from} → ${p.to} (announced ${p.announcedOn})`)
                            .join("; ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
        <ChartPanel
          id="expansions"
          title="Data-sharing expansions"
          caption="For each platform, the cumulative number of distinct data categories (solid) and recipients (dashed) named by its data-sharing expansion events. A step is a day on which a category or recipient first appears: click it to open the event (and its evidence) behind it."
          csv={csv("events", { kind: "data_sharing_expansion" })}
          marks={series.reduce((n, s) => n + s.points.length, 0)}
          empty="No data-sharing expansion in this selection."
          chart={<ExpansionChart series={series} />}
          table={
            <table>
              <thead>
                <tr>
                  <th>Date</th>
                  <th>Platform</th>
                  <th>Event</th>
                  <th className="num">Categories</th>
                  <th className="num">Recipients</th>
                  <th>New</th>
                </tr>
              </thead>
              <tbody>
                {steps.map((s) => (
                  <tr key={s.eventId}>
                    <td>{s.date}</td>
                    <td>{s.platform}</td>
                    <td>
                      <Link href={`/events/${s.eventId}`}>{s.title}</Link>
                    </td>
                    <td className="num">{s.categories}</td>
                    <td className="num">{s.recipients}</td>
                    <td>{s.added.join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
        <ChartPanel
          id="pressure"
          title="Partner-pressure cases"
          caption="One mark per case and kind of leverage, by dominant platform, at the date the case started. Click a mark to open the case."
          csv={csv("cases")}
          marks={pressurePoints.length}
          empty="No partner-pressure case in this selection."
          chart={<PressureChart points={pressurePoints} rows={pressureRows} />}
          table={
            <table>
              <thead>
                <tr>
                  <th>Started</th>
                  <th>Dominant platform</th>
                  <th>Partner</th>
                  <th>Leverage</th>
                  <th>Status</th>
                </tr>
              </thead>
              <tbody>
                {pressure.map((c) => (
                  <tr key={c.caseId}>
                    <td>{c.startedOn ?? "—"}</td>
                    <td>{c.platform}</td>
                    <td>
                      <Link href={`/cases/${c.caseId}`}>{c.partner}</Link>
                    </td>
                    <td>{c.leverage.join("; ")}</td>
                    <td>{c.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
        <ChartPanel
          id="activity"
          title="Change activity: versions per month"
          caption="Archived versions per month and platform: every text change that any archive (Termtrail's scraper or the imported public archives) recorded, counted in the month it was captured."
          csv={csv("versions")}
          marks={activity.length}
          empty="No version in this selection."
          chart={<ActivityChart rows={monthRows} platforms={activityPlatforms} />}
          table={<ActivityTable activity={activity} measure="versions" />}
        />
        <ChartPanel
          id="words"
          title="Document length over time"
          caption="Mean length in words of the versions each platform's documents had in a month (one point per platform and month with at least one version)."
          csv={csv("versions")}
          marks={activity.length}
          empty="No version in this selection."
          chart={<WordsChart series={wordSeries} />}
          table={<ActivityTable activity={activity} measure="avgWords" />}
        />
      </div>
      <h2>Platforms</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Platform</th>
              <th className="hide-narrow">Group</th>
              <th className="num">Documents</th>
              <th className="num">Versions</th>
              <th>First</th>
              <th>Latest</th>
            </tr>
          </thead>
          <tbody>
            {perPlatform.map((p) => {
              const months = activity.filter((a) => a.platform === p.name);
              return (
                <tr key={p.slug}>
                  <td>
                    <Link href={`/platforms/${p.slug}`}>{p.name}</Link>
                  </td>
                  <td className="hide-narrow muted">{p.parent ?? "—"}</td>
                  <td className="num">{formatNumber(p.documents)}</td>
                  <td className="num">
                    {formatNumber(months.reduce((n, a) => n + a.versions, 0))}
                  </td>
                  <td>{months[0]?.month ?? "—"}</td>
                  <td>{months.at(-1)?.month ?? "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted">
        Browse every event on the <Link href={`/timeline${qs}`}>timeline</Link>. Sources of the
        archived history are credited on the <Link href="/about">about page</Link>.
      </p>
    </>
  );
}

function ActivityTable({
  activity,
  measure,
}: {
  activity: Array<{ month: string; platform: string; versions: number; avgWords: number }>;
  measure: "versions" | "avgWords";
}) {
  return (
    <table>
      <thead>
        <tr>
          <th>Month</th>
          <th>Platform</th>
          <th className="num">{measure === "versions" ? "Versions" : "Mean words"}</th>
        </tr>
      </thead>
      <tbody>
        {activity.map((a) => (
          <tr key={`${a.month}-${a.platform}`}>
            <td>{a.month}</td>
            <td>{a.platform}</td>
            <td className="num">{formatNumber(a[measure])}</td>
          </tr>
        ))}
      </tbody>
    </table>
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

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
import { latestChanges } from "@/db/queries/overview";
import { getDb } from "@/db/server";
import {
  ActivityChart,
  DeadlineChart,
  ExpansionChart,
  PressureChart,
  WordsChart,
} from "./components/charts";
import { DateRangeFields, PlatformSelect } from "./components/filter-fields";
import { ChartPanel, isoDay, one, query, type SearchParams } from "./components/panel";
import { formatNumber } from "./format";
import { LatestChanges } from "./latest-changes";
import {
  activitySeries,
  deadlineSegments,
  expansionSeries,
  pressureMarks,
} from "./overview-series";
import {
  ActivityTable,
  DeadlineTable,
  ExpansionTable,
  PlatformTable,
  PressureTable,
} from "./overview-tables";

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const sp = await searchParams;
  const f: OverviewFilters = {
    platform: one(sp.platform),
    from: isoDay(one(sp.from)),
    to: isoDay(one(sp.to)),
  };
  const db = await getDb();
  const [totals, perPlatform, platforms, deadlines, steps, pressure, activity, recent] =
    await Promise.all([
      dashboardTotals(db),
      documentsPerPlatform(db),
      platformOptions(db),
      consentDeadlines(db, f),
      expansionSteps(db, f),
      pressureCases(db, f),
      changeActivity(db, f),
      latestChanges(db, { limit: 10 }),
    ]);
  const today = new Date().toISOString().slice(0, 10);
  const qs = query({ platform: f.platform, from: f.from, to: f.to });
  const csv = (dataset: string, extra: Record<string, string> = {}) =>
    `/api/export/${dataset}.csv${query({ ...extra, platform: f.platform, from: f.from, to: f.to })}`;

  const segments = deadlineSegments(deadlines);
  const series = expansionSeries(steps);
  const marks = pressureMarks(pressure);
  const months = activitySeries(activity);

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
        <PlatformSelect platforms={platforms} value={f.platform} allLabel="All platforms" />
        <DateRangeFields from={f.from} to={f.to} />
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
          table={<DeadlineTable deadlines={deadlines} />}
        />
        <ChartPanel
          id="expansions"
          title="Data-sharing expansions"
          caption="For each platform, the cumulative number of distinct data categories (solid) and recipients (dashed) named by its data-sharing expansion events. A step is a day on which a category or recipient first appears: click it to open the event (and its evidence) behind it."
          csv={csv("events", { kind: "data_sharing_expansion" })}
          marks={series.reduce((n, s) => n + s.points.length, 0)}
          empty="No data-sharing expansion in this selection."
          chart={<ExpansionChart series={series} />}
          table={<ExpansionTable steps={steps} />}
        />
        <ChartPanel
          id="pressure"
          title="Partner-pressure cases"
          caption="One mark per case and kind of leverage, by dominant platform, at the date the case started. Click a mark to open the case."
          csv={csv("cases")}
          marks={marks.points.length}
          empty="No partner-pressure case in this selection."
          chart={<PressureChart points={marks.points} rows={marks.rows} />}
          table={<PressureTable pressure={pressure} />}
        />
        <ChartPanel
          id="activity"
          title="Change activity: versions per month"
          caption="Archived versions per month and platform: every text change that any archive (Termtrail's scraper or the imported public archives) recorded, counted in the month it was captured."
          csv={csv("versions")}
          marks={activity.length}
          empty="No version in this selection."
          chart={<ActivityChart rows={months.monthRows} platforms={months.platforms} />}
          table={<ActivityTable activity={activity} measure="versions" />}
        />
        <ChartPanel
          id="words"
          title="Document length over time"
          caption="Mean length in words of the versions each platform's documents had in a month (one point per platform and month with at least one version)."
          csv={csv("versions")}
          marks={activity.length}
          empty="No version in this selection."
          chart={<WordsChart series={months.wordSeries} />}
          table={<ActivityTable activity={activity} measure="avgWords" />}
        />
      </div>
      <h2>Latest changes</h2>
      <LatestChanges rows={recent} />
      <h2>Platforms</h2>
      <PlatformTable perPlatform={perPlatform} activity={activity} />
      <p className="muted">
        Browse every event on the <Link href={`/timeline${qs}`}>timeline</Link>. Sources of the
        archived history are credited on the <Link href="/about">about page</Link>.
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

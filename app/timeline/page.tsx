import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { categoryOptions, platformOptions } from "@/db/queries/dashboard";
import { KIND_LABELS, type TimelineFilters, timelineEvents } from "@/db/queries/timeline";
import { EVENT_KINDS } from "@/db/schema";
import { getDb } from "@/db/server";
import { EventCard } from "../components/event-card";
import { DateRangeFields, PlatformSelect } from "../components/filter-fields";
import { isoDay, one, query, type SearchParams } from "../components/panel";
import { formatNumber } from "../format";

export const metadata: Metadata = { title: "Timeline" };

export default async function TimelinePage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const sp = await searchParams;
  const f: TimelineFilters = {
    platform: one(sp.platform),
    kind: one(sp.kind),
    category: one(sp.category),
    from: isoDay(one(sp.from)),
    to: isoDay(one(sp.to)),
    status: one(sp.status),
    page: Number(one(sp.page)) || 1,
    limit: 100,
  };
  const db = await getDb();
  const [platforms, categories, result] = await Promise.all([
    platformOptions(db),
    categoryOptions(db),
    timelineEvents(db, f),
  ]);
  const filters = {
    platform: f.platform,
    kind: f.kind,
    category: f.category,
    from: f.from,
    to: f.to,
    status: f.status,
  };
  const pages = Math.max(1, Math.ceil(result.total / result.limit));
  return (
    <>
      <h1>Timeline</h1>
      <p className="lede">
        Every event across platforms, in time order, each with its evidence. The filters are part of
        the address: copy it to cite this view.
      </p>
      <form className="filters" method="get" action="/timeline" aria-label="Filter the timeline">
        <PlatformSelect platforms={platforms} value={f.platform} />
        <label>
          Kind
          <select name="kind" defaultValue={f.kind ?? ""}>
            <option value="">All</option>
            {EVENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Data category
          <select name="category" defaultValue={f.category ?? ""}>
            <option value="">All</option>
            {categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <DateRangeFields from={f.from} to={f.to} />
        <label>
          Status
          <select name="status" defaultValue={f.status ?? ""}>
            <option value="">Confirmed and detected</option>
            <option value="confirmed">Confirmed</option>
            <option value="detected">Detected</option>
          </select>
        </label>
        <button type="submit">Apply</button>
        {query(filters) ? <Link href="/timeline">Reset</Link> : null}
      </form>
      <p className="result-count" aria-live="polite">
        {formatNumber(result.total)} {result.total === 1 ? "event" : "events"}
        {" · "}
        <a href={`/api/export/events.csv${query(filters)}`}>CSV</a>
      </p>
      {result.events.length === 0 ? (
        <p className="empty">No event matches these filters.</p>
      ) : (
        <ol className="timeline">
          {result.events.map((e) => (
            <li key={e.id}>
              <EventCard event={e} />
            </li>
          ))}
        </ol>
      )}
      {pages > 1 ? (
        <nav className="pager" aria-label="Pages">
          {result.page > 1 ? (
            <Link href={`/timeline${query({ ...filters, page: String(result.page - 1) })}`}>
              ← Earlier
            </Link>
          ) : null}
          <span>
            Page {result.page} of {pages}
          </span>
          {result.page < pages ? (
            <Link href={`/timeline${query({ ...filters, page: String(result.page + 1) })}`}>
              Later →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { platformBySlug, platformCases, platformDocuments } from "@/db/queries/documents";
import { platformEvents } from "@/db/queries/timeline";
import { getDb } from "@/db/server";
import { EventCard } from "../../components/event-card";
import { formatDate, formatNumber } from "../../format";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await connection();
  const platform = await platformBySlug(await getDb(), { slug: (await params).slug });
  return { title: platform?.name ?? "Platform not found" };
}

export default async function PlatformPage({ params }: { params: Params }) {
  await connection();
  const db = await getDb();
  const platform = await platformBySlug(db, { slug: (await params).slug });
  if (!platform) notFound();
  const [docs, events, cases] = await Promise.all([
    platformDocuments(db, { platformId: platform.id }),
    platformEvents(db, { platformId: platform.id, limit: 50 }),
    platformCases(db, { platformId: platform.id }),
  ]);
  return (
    <>
      <h1>{platform.name}</h1>
      {platform.parent ? <p className="lede">Part of {platform.parent}.</p> : null}
      <h2>Documents</h2>
      {docs.length === 0 ? (
        <p className="empty">No document tracked for this platform.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Document</th>
                <th className="hide-narrow">Source</th>
                <th className="num">Versions</th>
                <th>Latest change</th>
              </tr>
            </thead>
            <tbody>
              {docs.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link href={`/documents/${d.id}`}>{d.type}</Link>
                    {d.variant ? <div className="muted">{d.variant}</div> : null}
                  </td>
                  <td className="hide-narrow muted">
                    {d.archive ?? (d.origin === "declaration" ? "Termtrail scraper" : d.origin)}
                  </td>
                  <td className="num">{formatNumber(d.versions)}</td>
                  <td>
                    {d.lastChangeVersionId ? (
                      <Link href={`/documents/${d.id}?v=${d.lastChangeVersionId}`}>
                        {formatDate(d.lastCaptured)}: +{d.lastChangeAdded} −{d.lastChangeRemoved}{" "}
                        words
                      </Link>
                    ) : d.versions > 0 ? (
                      <span className="muted">{formatDate(d.lastCaptured)} (first version)</span>
                    ) : (
                      <span className="muted">not archived yet</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Cases</h2>
      {cases.length === 0 ? (
        <p className="empty">
          No partner-pressure case with {platform.name} as the dominant platform.
        </p>
      ) : (
        <ul className="case-list">
          {cases.map((c) => (
            <li key={c.id}>
              <Link href={`/cases/${c.id}`}>{c.title}</Link>{" "}
              <span className="muted">
                {c.partner} · {formatDate(c.startedOn)} · {c.status}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h2>Events</h2>
      {events.length === 0 ? (
        <p className="empty">No event recorded for {platform.name}.</p>
      ) : (
        <ol className="timeline">
          {events.map((e) => (
            <li key={e.id}>
              <EventCard event={e} />
            </li>
          ))}
        </ol>
      )}
      <p>
        <Link href={`/timeline?platform=${platform.slug}`}>
          All {platform.name} events on the timeline
        </Link>
      </p>
    </>
  );
}

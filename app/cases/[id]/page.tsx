import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { caseById } from "@/db/queries/cases-read";
import { getDb } from "@/db/server";
import { Citations } from "../../components/citations";
import { EventCard } from "../../components/event-card";
import { formatDate } from "../../format";

type Params = Promise<{ id: string }>;

async function load(id: string) {
  const n = Number(id);
  if (!Number.isSafeInteger(n) || n <= 0) return undefined;
  return caseById(await getDb(), { id: n });
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await connection();
  return { title: (await load((await params).id))?.title ?? "Case not found" };
}

export default async function CasePage({ params }: { params: Params }) {
  await connection();
  const c = await load((await params).id);
  if (!c) notFound();
  return (
    <>
      <p className="crumbs">
        <Link href="/cases">Cases</Link>
      </p>
      <h1>{c.title}</h1>
      <p className="lede">{c.summary}</p>
      {c.uncertain ? (
        <p className="note">
          Uncertain: {c.uncertainNote ?? "parts of this case rest on reporting only."}
        </p>
      ) : null}
      <dl className="facts">
        <dt>Dominant platform</dt>
        <dd>
          <Link href={`/platforms/${c.platformSlug}`}>{c.platform}</Link>
        </dd>
        <dt>Partner</dt>
        <dd>{c.partner}</dd>
        <dt>Demand</dt>
        <dd>
          {c.demanded.length === 0
            ? "not recorded"
            : c.demanded.map((d) => (
                <Link
                  key={d.slug}
                  className={`chip${d.uncertain ? " chip-uncertain" : ""}`}
                  href={`/timeline?category=${d.slug}`}
                >
                  {d.label}
                  {d.uncertain ? "?" : ""}
                </Link>
              ))}
        </dd>
        <dt>Leverage</dt>
        <dd>
          <ul className="plain">
            {c.leverage.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </dd>
        <dt>Dates</dt>
        <dd>
          {formatDate(c.startedOn)}
          {c.endedOn ? ` – ${formatDate(c.endedOn)}` : " – (no end recorded)"}
        </dd>
        <dt>Status</dt>
        <dd>{c.status}</dd>
        {c.outcome ? (
          <>
            <dt>Outcome</dt>
            <dd>{c.outcome}</dd>
          </>
        ) : null}
      </dl>
      <h2>Timeline of the case</h2>
      {c.events.length === 0 ? (
        <p className="empty">No dated event recorded for this case.</p>
      ) : (
        <ol className="timeline">
          {c.events.map((e) => (
            <li key={e.id}>
              <EventCard event={e} />
            </li>
          ))}
        </ol>
      )}
      <h2>Citations</h2>
      <Citations citations={c.citations} />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { eventById } from "@/db/queries/timeline";
import { getDb } from "@/db/server";
import { EventCard } from "../../components/event-card";

type Params = Promise<{ id: string }>;

async function load(id: string) {
  const n = Number(id);
  if (!Number.isSafeInteger(n) || n <= 0) return undefined;
  return eventById(await getDb(), { id: n });
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await connection();
  const event = await load((await params).id);
  return { title: event?.title ?? "Event not found" };
}

export default async function EventPage({ params }: { params: Params }) {
  await connection();
  const event = await load((await params).id);
  if (!event) notFound();
  return (
    <>
      <p className="crumbs">
        <Link href="/timeline">Timeline</Link>
        {event.platformSlug ? (
          <>
            {" / "}
            <Link href={`/platforms/${event.platformSlug}`}>{event.platform}</Link>
          </>
        ) : null}
      </p>
      <EventCard event={event} heading="h1" />
      <p className="muted">
        Permalink: <code>/events/{event.id}</code>
      </p>
    </>
  );
}

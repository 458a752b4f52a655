import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { eventForEdit } from "@/db/queries/review";
import { EVENT_KINDS } from "@/db/schema";
import { getDb } from "@/db/server";
import { sessionUser } from "@/lib/auth";
import { hasRole } from "@/lib/auth-guard";
import { Flash } from "../../../sources/flash";

export const metadata: Metadata = { title: "Edit an event" };

export default async function EditEventPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ ok?: string; error?: string }>;
}) {
  await connection();
  const id = Number((await params).id);
  const user = await sessionUser(await headers());
  if (!hasRole(user, "maintainer")) redirect(`/login?next=/review/events/${id}`);
  const event = Number.isInteger(id) ? await eventForEdit(await getDb(), id) : undefined;
  if (!event) notFound();
  return (
    <>
      <p className="muted">
        <Link href="/review">Review</Link> › <Link href={`/events/${id}`}>event page</Link>
      </p>
      <h1>Edit event</h1>
      <Flash {...(await searchParams)} />
      <form method="post" action={`/api/events/${id}`} className="form">
        <label>
          Title
          <input type="text" name="title" defaultValue={event.title} required />
        </label>
        <label>
          Summary
          <textarea name="summary" defaultValue={event.summary} required />
        </label>
        <div className="row">
          <label>
            Kind
            <select name="kind" defaultValue={event.kind}>
              {EVENT_KINDS.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </label>
          <label>
            Occurred on
            <input type="text" name="occurredOn" defaultValue={String(event.occurredOn)} />
          </label>
          <label>
            Status
            <select name="status" defaultValue={event.status}>
              <option>confirmed</option>
              <option>detected</option>
            </select>
          </label>
        </div>
        <div className="row">
          <label>
            Announced on
            <input type="text" name="announcedOn" defaultValue={event.announcedOn ?? ""} />
          </label>
          <label>
            Deadline
            <input type="text" name="deadline" defaultValue={event.deadline ?? ""} />
          </label>
        </div>
        <label>
          Consequence <span className="hint">for a forced-consent deadline</span>
          <input type="text" name="consequence" defaultValue={event.consequence ?? ""} />
        </label>
        <label className="check">
          <input type="checkbox" name="uncertain" defaultChecked={event.uncertain} /> Uncertain
        </label>
        <label>
          Why uncertain
          <input type="text" name="uncertainNote" defaultValue={event.uncertainNote ?? ""} />
        </label>
        <p className="actions">
          <button type="submit">Save event</button>
        </p>
      </form>
    </>
  );
}

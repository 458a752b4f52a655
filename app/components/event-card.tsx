import Link from "next/link";
import { KIND_LABELS, type TimelineEvent } from "@/db/queries/timeline";
import { formatDate } from "../format";
import { Citations } from "./citations";

/** One event: date, kind, summary, data categories, recipients, and its evidence. */
export function EventCard({
  event,
  heading = "h3",
}: {
  event: TimelineEvent;
  heading?: "h1" | "h3";
}) {
  const H = heading;
  return (
    <article
      className={`event-card kind-${event.kind}`}
      data-event-id={event.id}
      data-kind={event.kind}
    >
      <header>
        <time dateTime={event.occurredOn}>{formatDate(event.occurredOn)}</time>
        <span className="kind">{KIND_LABELS[event.kind]}</span>
        {event.platform ? (
          <Link className="tag" href={`/platforms/${event.platformSlug}`}>
            {event.platform}
          </Link>
        ) : null}
        <span className={`status status-${event.status}`}>{event.status}</span>
        {event.uncertain ? <span className="status status-uncertain">uncertain</span> : null}
      </header>
      <H className="event-title">
        {heading === "h3" ? <Link href={`/events/${event.id}`}>{event.title}</Link> : event.title}
      </H>
      <p>{event.summary}</p>
      {event.uncertainNote ? <p className="note">Uncertain: {event.uncertainNote}</p> : null}
      {event.deadline ? (
        <p className="deadline">
          Announced {formatDate(event.announcedOn)}; deadline {formatDate(event.deadline)}
          {event.postponements.map((p) => (
            <span key={`${p.announcedOn}-${p.newDeadline}`}>
              {"; "}moved to {formatDate(p.newDeadline)} (announced {formatDate(p.announcedOn)})
            </span>
          ))}
          {event.consequence ? `. If refused: ${event.consequence}` : null}
        </p>
      ) : null}
      {event.categories.length > 0 ? (
        <p className="chips" data-chips="categories">
          <span className="chips-label">Data:</span>
          {event.categories.map((c) => (
            <Link
              key={c.slug}
              className={`chip${c.uncertain ? " chip-uncertain" : ""}`}
              href={`/timeline?category=${c.slug}`}
            >
              {c.label}
              {c.uncertain ? "?" : ""}
            </Link>
          ))}
        </p>
      ) : null}
      {event.recipients.length > 0 ? (
        <p className="chips" data-chips="recipients">
          <span className="chips-label">To:</span>
          {event.recipients.map((r) => (
            <span
              key={r.name}
              className={`chip chip-recipient${r.uncertain ? " chip-uncertain" : ""}`}
            >
              {r.name}
              {r.uncertain ? "?" : ""}
            </span>
          ))}
        </p>
      ) : null}
      {event.caseTitle ? (
        <p>
          Case: <Link href={`/cases/${event.caseId}`}>{event.caseTitle}</Link>
        </p>
      ) : null}
      <Citations citations={event.citations} />
    </article>
  );
}

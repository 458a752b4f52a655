import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { connection } from "next/server";
import { findingCounts } from "@/db/queries/findings";
import { detectedFindings, eventChoices, recentlyReviewed } from "@/db/queries/review";
import { EVENT_KINDS } from "@/db/schema";
import { getDb } from "@/db/server";
import { sessionUser } from "@/lib/auth";
import { hasRole } from "@/lib/auth-guard";
import { formatDate } from "../format";
import { Flash } from "../sources/flash";

export const metadata: Metadata = { title: "Review" };

const KIND_LABELS: Record<string, string> = {
  data_category_added: "data category added",
  data_category_removed: "data category removed",
  recipient_added: "recipient added",
  recipient_removed: "recipient removed",
  consent_deadline: "consent deadline",
};

export default async function ReviewPage({
  searchParams,
}: {
  searchParams: Promise<{ ok?: string; error?: string }>;
}) {
  await connection();
  const db = await getDb();
  const [queue, reviewed, choices, counts, user, flash] = await Promise.all([
    detectedFindings(db),
    recentlyReviewed(db),
    eventChoices(db),
    findingCounts(db),
    sessionUser(await headers()),
    searchParams,
  ]);
  const canReview = hasRole(user, "maintainer");

  return (
    <>
      <h1>Review</h1>
      <p className="lede">
        What the detectors found in new versions, waiting for a maintainer: confirm a finding into
        an event (new, or added to an existing one as evidence), or dismiss it with a reason.
      </p>
      <Flash {...flash} />
      <h2>
        Detected findings ({counts.find((c) => c.state === "detected")?.n ?? 0})
        {queue.length < (counts.find((c) => c.state === "detected")?.n ?? 0) ? (
          <span className="muted"> · the newest {queue.length} shown</span>
        ) : null}
      </h2>
      {queue.length === 0 ? <p className="empty">Nothing waiting for review.</p> : null}
      {queue.map((f) => (
        <article key={f.id} className="card" aria-label={`Finding ${f.subject}`}>
          <h3>
            {f.platform} · {f.documentType}: {KIND_LABELS[f.kind] ?? f.kind}{" "}
            <strong>{f.subject}</strong>
          </h3>
          <p className="muted">
            Version {f.versionSeq} of {formatDate(f.capturedAt)} ·{" "}
            <Link href={`/sources/${f.documentId}`}>source</Link>
          </p>
          <div className="passage added">{f.excerpt}</div>
          {f.passage && !f.passage.text.includes(f.excerpt) ? (
            <details>
              <summary>The change&apos;s passage</summary>
              <div className={`passage ${f.passage.type}`}>{f.passage.text}</div>
            </details>
          ) : null}
          {canReview ? (
            <div className="actions">
              <details>
                <summary>
                  <span className="button">Confirm…</span>
                </summary>
                <form method="post" action={`/api/review/${f.id}/confirm`} className="form">
                  <label>
                    Add to an existing event{" "}
                    <span className="hint">or leave empty for a new one</span>
                    <select name="eventId" defaultValue="">
                      <option value="">New event</option>
                      {choices.map((e) => (
                        <option key={e.id} value={e.id}>
                          {String(e.occurredOn)} · {e.title}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    Title{" "}
                    <span className="hint">
                      for a new event; a default is made from the finding
                    </span>
                    <input
                      type="text"
                      name="title"
                      defaultValue={`${f.platform}: ${f.subject} in the ${f.documentType}`}
                    />
                  </label>
                  <label>
                    Kind
                    <select name="kind" defaultValue="">
                      <option value="">From the finding</option>
                      {EVENT_KINDS.map((k) => (
                        <option key={k}>{k}</option>
                      ))}
                    </select>
                  </label>
                  <label>
                    Evidence passage <span className="hint">must be exact text of the version</span>
                    <textarea name="excerpt" defaultValue={f.excerpt} />
                  </label>
                  {f.kind === "consent_deadline" ? (
                    <label>
                      Deadline
                      <input type="text" name="deadline" defaultValue={f.deadline ?? ""} />
                    </label>
                  ) : null}
                  <p className="actions">
                    <button type="submit">Confirm</button>
                  </p>
                </form>
              </details>
              <form method="post" action={`/api/review/${f.id}/dismiss`} className="actions">
                <input
                  type="text"
                  name="reason"
                  placeholder="Reason for dismissing"
                  aria-label="Reason for dismissing"
                  required
                  minLength={3}
                />
                <button type="submit" className="secondary">
                  Dismiss
                </button>
              </form>
            </div>
          ) : null}
        </article>
      ))}

      {canReview ? (
        <details className="card">
          <summary>
            <strong>Add a curated event</strong> from public reporting, with its citation
          </summary>
          <form method="post" action="/api/events" className="form">
            <div className="row">
              <label>
                Kind
                <select name="kind" defaultValue="policy_update">
                  {EVENT_KINDS.filter((k) => k !== "partner_pressure").map((k) => (
                    <option key={k}>{k}</option>
                  ))}
                </select>
              </label>
              <label>
                Platform <span className="hint">slug, e.g. whatsapp</span>
                <input type="text" name="platformSlug" />
              </label>
              <label>
                Occurred on <span className="hint">YYYY-MM-DD</span>
                <input type="text" name="occurredOn" required />
              </label>
              <label>
                Deadline <span className="hint">forced-consent only</span>
                <input type="text" name="deadline" />
              </label>
            </div>
            <label>
              Title
              <input type="text" name="title" required />
            </label>
            <label>
              Summary
              <textarea name="summary" required />
            </label>
            <div className="row">
              <label>
                Cited: title
                <input type="text" name="citationTitle" required />
              </label>
              <label>
                Publisher
                <input type="text" name="citationPublisher" />
              </label>
              <label>
                Published on
                <input type="text" name="citationPublishedOn" />
              </label>
            </div>
            <label>
              Cited URL
              <input type="url" name="citationUrl" />
            </label>
            <p className="actions">
              <button type="submit">Add event</button>
            </p>
          </form>
        </details>
      ) : null}

      {canReview ? (
        <details className="card">
          <summary>
            <strong>Add a curated case</strong> of partner pressure, with its citation
          </summary>
          <form method="post" action="/api/cases" className="form">
            <div className="row">
              <label>
                Slug <span className="hint">e.g. amazon-ring-partners</span>
                <input type="text" name="slug" required />
              </label>
              <label>
                Dominant platform <span className="hint">slug</span>
                <input type="text" name="dominantPlatformSlug" required />
              </label>
              <label>
                Partner
                <input type="text" name="partner" required />
              </label>
              <label>
                Started on
                <input type="text" name="startedOn" />
              </label>
            </div>
            <label>
              Title
              <input type="text" name="title" required />
            </label>
            <label>
              Summary
              <textarea name="summary" required />
            </label>
            <label>
              Leverage <span className="hint">what was threatened or withheld, one per line</span>
              <textarea name="leverage" required />
            </label>
            <div className="row">
              <label>
                Cited: title
                <input type="text" name="citationTitle" required />
              </label>
              <label>
                Publisher
                <input type="text" name="citationPublisher" />
              </label>
              <label>
                Cited URL
                <input type="url" name="citationUrl" />
              </label>
            </div>
            <p className="actions">
              <button type="submit">Add case</button>
            </p>
          </form>
        </details>
      ) : null}

      <h2>Recently reviewed</h2>
      <div className="table-wrap">
        {reviewed.length === 0 ? (
          <p className="empty">No finding reviewed yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>When</th>
                <th>Finding</th>
                <th>Decision</th>
                <th className="hide-narrow">By</th>
              </tr>
            </thead>
            <tbody>
              {reviewed.map((r) => (
                <tr key={r.id}>
                  <td>{formatDate(r.reviewedAt)}</td>
                  <td>
                    {r.platform}: {r.subject}
                  </td>
                  <td>
                    {r.state === "confirmed" && r.eventId ? (
                      <>
                        confirmed → <Link href={`/events/${r.eventId}`}>event</Link>
                        {canReview ? (
                          <>
                            {" "}
                            (<Link href={`/review/events/${r.eventId}`}>edit</Link>)
                          </>
                        ) : null}
                      </>
                    ) : (
                      <>dismissed: {r.dismissedReason}</>
                    )}
                  </td>
                  <td className="hide-narrow">{r.reviewedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}

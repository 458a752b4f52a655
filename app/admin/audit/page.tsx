import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { listAudit } from "@/db/queries/audit";
import { getDb } from "@/db/server";
import { sessionUser } from "@/lib/auth";
import { hasRole } from "@/lib/auth-guard";
import { LocalTime } from "../../sources/local-time";

export const metadata: Metadata = { title: "Audit log" };

const show = (value: unknown) =>
  value === null || value === undefined
    ? "—"
    : typeof value === "string"
      ? value
      : JSON.stringify(value);

/** Who changed which source, schedule, event or finding, when, from what to what (admins). */
export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<{ entity?: string }>;
}) {
  await connection();
  const user = await sessionUser(await headers());
  if (!user) redirect("/login?next=/admin/audit");
  if (!hasRole(user, "admin")) {
    return (
      <>
        <h1>Audit log</h1>
        <p className="flash error" role="alert">
          Only admins can read the audit log.
        </p>
      </>
    );
  }
  const { entity } = await searchParams;
  const rows = await listAudit(await getDb(), { entity, limit: 300 });
  return (
    <>
      <h1>Audit log</h1>
      <p className="lede">The latest 300 changes, newest first.</p>
      <div className="table-wrap">
        {rows.length === 0 ? (
          <p className="empty">Nothing changed yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>What</th>
                <th>From</th>
                <th>To</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <LocalTime iso={r.at.toISOString()} withZone={false} />
                  </td>
                  <td>{r.actorEmail}</td>
                  <td>
                    <code>{r.action}</code>
                    <div className="muted">
                      {r.entity} {r.entityId}
                    </div>
                  </td>
                  <td>
                    {Object.entries(r.before ?? {}).map(([k, v]) => (
                      <div key={k}>
                        <span className="muted">{k}:</span> {show(v)}
                      </div>
                    ))}
                  </td>
                  <td>
                    {Object.entries(r.after ?? {}).map(([k, v]) => (
                      <div key={k}>
                        <span className="muted">{k}:</span> {show(v)}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}

import Link from "next/link";
import type {
  ActivityMonth,
  DeadlineBar,
  documentsPerPlatform,
  ExpansionStep,
  PressureCase,
} from "@/db/queries/dashboard";
import { formatNumber } from "./format";

/** The table views behind the overview's charts, and the platforms table under them. */

export function DeadlineTable({ deadlines }: { deadlines: DeadlineBar[] }) {
  return (
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
  );
}

export function ExpansionTable({ steps }: { steps: ExpansionStep[] }) {
  return (
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
  );
}

export function PressureTable({ pressure }: { pressure: PressureCase[] }) {
  return (
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
  );
}

export function ActivityTable({
  activity,
  measure,
}: {
  activity: ActivityMonth[];
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

type PlatformRow = Awaited<ReturnType<typeof documentsPerPlatform>>[number];

export function PlatformTable({
  perPlatform,
  activity,
}: {
  perPlatform: PlatformRow[];
  activity: ActivityMonth[];
}) {
  return (
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
                <td className="num">{formatNumber(months.reduce((n, a) => n + a.versions, 0))}</td>
                <td>{months[0]?.month ?? "—"}</td>
                <td>{months.at(-1)?.month ?? "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

import type {
  ActivityMonth,
  DeadlineBar,
  ExpansionStep,
  PressureCase,
} from "@/db/queries/dashboard";
import type { DeadlineSegment, MonthRow, PressurePoint, StepSeries } from "./components/charts";

/** The overview's query rows shaped into what each chart draws. */

const ts = (d: string) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`);

/** One bar from announcement to deadline, then one extension per postponement. */
export function deadlineSegments(deadlines: DeadlineBar[]): DeadlineSegment[] {
  return deadlines.flatMap((d) => [
    {
      label: `${d.platform}: notice`,
      kind: "notice" as const,
      range: [ts(d.announcedOn), ts(d.deadline)] as [number, number],
      eventId: d.eventId,
      from: d.announcedOn,
      to: d.deadline,
    },
    ...d.postponements.map((p, i) => ({
      label: `${d.platform}: postponement ${i + 1}`,
      kind: "postponed" as const,
      range: [ts(p.from), ts(p.to)] as [number, number],
      eventId: d.eventId,
      from: p.from,
      to: p.to,
    })),
  ]);
}

/** Per platform, a categories series and a recipients series. */
export function expansionSeries(steps: ExpansionStep[]): StepSeries[] {
  const expansionPlatforms = [...new Set(steps.map((s) => s.platform))];
  return expansionPlatforms.flatMap((name, i) =>
    (["categories", "recipients"] as const).map((measure) => ({
      name,
      measure,
      colorIndex: i,
      points: steps
        .filter((s) => s.platform === name)
        .map((s) => ({
          t: ts(s.date),
          value: s[measure],
          eventId: s.eventId,
          title: s.title,
          date: s.date,
        })),
    })),
  );
}

/** One mark per case and kind of leverage, and the rows (platform · leverage) they sit on. */
export function pressureMarks(pressure: PressureCase[]) {
  const points: PressurePoint[] = pressure.flatMap((c) =>
    c.startedOn
      ? c.leverage.map((l) => ({
          t: ts(c.startedOn as string),
          row: `${c.platform} · ${l}`,
          caseId: c.caseId,
          title: `${c.title} (${c.partner})`,
          leverage: l,
          date: c.startedOn as string,
        }))
      : [],
  );
  return { points, rows: [...new Set(points.map((p) => p.row))] };
}

/** Versions per month as one row per month, and mean words as one series per platform. */
export function activitySeries(activity: ActivityMonth[]) {
  const platforms = [...new Set(activity.map((a) => a.platform))].sort();
  const byMonth = new Map<string, MonthRow>();
  for (const a of activity) {
    const row = byMonth.get(a.month) ?? { month: a.month };
    row[a.platform] = a.versions;
    byMonth.set(a.month, row);
  }
  const monthRows = [...byMonth.values()];
  const wordSeries = platforms.map((name) => ({
    name,
    points: activity
      .filter((a) => a.platform === name)
      .map((a) => ({ t: ts(`${a.month}-01`), words: a.avgWords, month: a.month })),
  }));
  return { platforms, monthRows, wordSeries };
}

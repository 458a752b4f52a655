"use client";
/**
 * The overview's charts. Data is computed on the server and passed in as plain values; these
 * components only draw it. Every mark carries `data-mark` so tests can count what is drawn.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

const PALETTE = [
  "#1f5fbf",
  "#c2410c",
  "#15803d",
  "#7c3aed",
  "#b91c1c",
  "#0e7490",
  "#a16207",
  "#be185d",
  "#4b5563",
];
/**
 * Recharts re-renders its marks between mousedown and mouseup, so the browser's click lands on
 * the <svg> and a link inside never fires: follow it on mouseup ourselves (keyboard activation
 * of the <a> still works natively).
 */
const follow = (href: string) => (e: React.MouseEvent) => {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
  window.location.assign(href);
};

export const colorOf = (i: number) => PALETTE[i % PALETTE.length] as string;

const ts = (d: string) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`);
const fmtDay = (v: number) => new Date(v).toISOString().slice(0, 10);
const fmtYear = (v: number) => new Date(v).toISOString().slice(0, 7);

export interface DeadlineSegment {
  label: string;
  kind: "notice" | "postponed";
  range: [number, number];
  eventId: number;
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

/** A time axis spanning the values, padded by a share of the span but at least `minDays`. */
function timeDomain(values: number[], share: number, minDays: number): [number, number] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = Math.max((max - min) * share, DAY_MS * minDays);
  return [min - pad, max + pad];
}

export function DeadlineChart({ segments, today }: { segments: DeadlineSegment[]; today: string }) {
  const t = ts(today);
  const domain = timeDomain([t, ...segments.flatMap((s) => s.range)], 0.05, 7);
  return (
    <ResponsiveContainer width="100%" height={Math.max(140, 46 * segments.length + 60)}>
      <BarChart data={segments} layout="vertical" margin={{ left: 8, right: 24, top: 8 }}>
        <CartesianGrid horizontal={false} stroke="#e5e7eb" />
        <XAxis
          type="number"
          dataKey="range"
          domain={domain}
          tickFormatter={fmtDay}
          scale="time"
          fontSize={12}
        />
        <YAxis type="category" dataKey="label" width={130} fontSize={11} />
        {/* No tooltip: each bar has a title, and hover re-renders would eat clicks. */}
        <Bar
          dataKey="range"
          isAnimationActive={false}
          shape={(props: {
            x?: number;
            y?: number;
            width?: number;
            height?: number;
            payload?: DeadlineSegment;
          }) => (
            <a
              href={`/events/${props.payload?.eventId}`}
              onMouseUp={follow(`/events/${props.payload?.eventId}`)}
            >
              <rect
                data-mark="deadline"
                style={{ cursor: "pointer" }}
                x={props.x}
                y={props.y}
                width={Math.max(props.width ?? 0, 2)}
                height={props.height}
                rx={3}
                fill={props.payload?.kind === "notice" ? "#1f5fbf" : "#f59e0b"}
              >
                <title>{`${props.payload?.label}: ${props.payload?.from} → ${props.payload?.to}`}</title>
              </rect>
            </a>
          )}
        >
          {segments.map((s) => (
            <Cell key={`${s.eventId}-${s.from}`} />
          ))}
        </Bar>
        <ReferenceLine
          x={t}
          stroke="#b91c1c"
          strokeDasharray="4 3"
          label={{ value: "today", fontSize: 11, fill: "#b91c1c", position: "top" }}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}

export interface StepPoint {
  t: number;
  value: number;
  eventId: number;
  title: string;
  date: string;
}
export interface StepSeries {
  name: string;
  measure: "categories" | "recipients";
  colorIndex: number;
  points: StepPoint[];
}

export function ExpansionChart({ series }: { series: StepSeries[] }) {
  const domain = timeDomain(
    series.flatMap((s) => s.points.map((p) => p.t)),
    0.05,
    60,
  );
  return (
    <ResponsiveContainer width="100%" height={300}>
      <LineChart margin={{ left: 0, right: 24, top: 8 }}>
        <CartesianGrid stroke="#e5e7eb" />
        <XAxis
          type="number"
          dataKey="t"
          domain={domain}
          scale="time"
          tickFormatter={fmtYear}
          fontSize={12}
          allowDuplicatedCategory={false}
        />
        <YAxis allowDecimals={false} fontSize={12} width={32} />
        {/* No tooltip: its hover re-renders would eat clicks on the steps; each step has a title. */}
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((s) => (
          <Line
            key={`${s.name}-${s.measure}`}
            name={`${s.name} · ${s.measure}`}
            data={s.points}
            dataKey="value"
            type="stepAfter"
            activeDot={false}
            stroke={colorOf(s.colorIndex)}
            strokeDasharray={s.measure === "recipients" ? "5 4" : undefined}
            strokeWidth={2}
            isAnimationActive={false}
            dot={(props: { cx?: number; cy?: number; payload?: StepPoint; index?: number }) => (
              <a
                key={`${s.name}-${s.measure}-${props.index}`}
                href={`/events/${props.payload?.eventId}`}
                onMouseUp={follow(`/events/${props.payload?.eventId}`)}
              >
                <circle
                  data-mark="expansion"
                  cx={props.cx}
                  cy={props.cy}
                  r={6}
                  fill="#fff"
                  stroke={colorOf(s.colorIndex)}
                  strokeWidth={2.5}
                  style={{ cursor: "pointer" }}
                >
                  <title>{`${props.payload?.date}: ${props.payload?.title} (${s.measure}: ${props.payload?.value})`}</title>
                </circle>
              </a>
            )}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

export interface PressurePoint {
  t: number;
  row: string;
  caseId: number;
  title: string;
  leverage: string;
  date: string;
}

export function PressureChart({ points, rows }: { points: PressurePoint[]; rows: string[] }) {
  const domain = timeDomain(
    points.map((p) => p.t),
    0.1,
    180,
  );
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, 40 * rows.length + 60)}>
      <ScatterChart margin={{ left: 8, right: 24, top: 8 }}>
        <CartesianGrid stroke="#e5e7eb" />
        <XAxis
          type="number"
          dataKey="t"
          domain={domain}
          scale="time"
          tickFormatter={fmtYear}
          fontSize={12}
        />
        <YAxis
          type="category"
          dataKey="row"
          allowDuplicatedCategory={false}
          width={150}
          fontSize={11}
        />
        <Scatter
          data={points}
          isAnimationActive={false}
          shape={(props: { cx?: number; cy?: number; payload?: PressurePoint }) => (
            <a
              href={`/cases/${props.payload?.caseId}`}
              onMouseUp={follow(`/cases/${props.payload?.caseId}`)}
            >
              <circle
                data-mark="pressure"
                style={{ cursor: "pointer" }}
                cx={props.cx}
                cy={props.cy}
                r={8}
                fill="#c2410c"
              >
                <title>{`${props.payload?.date}: ${props.payload?.title} (leverage: ${props.payload?.leverage})`}</title>
              </circle>
            </a>
          )}
        />
      </ScatterChart>
    </ResponsiveContainer>
  );
}

export type MonthRow = { month: string } & Record<string, number | string | undefined>;

export function ActivityChart({ rows, platforms }: { rows: MonthRow[]; platforms: string[] }) {
  return (
    <ResponsiveContainer width="100%" height={280}>
      <BarChart data={rows} margin={{ left: 0, right: 16, top: 8 }}>
        <CartesianGrid vertical={false} stroke="#e5e7eb" />
        <XAxis dataKey="month" fontSize={12} minTickGap={24} />
        <YAxis allowDecimals={false} fontSize={12} width={32} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {platforms.map((p, i) => (
          <Bar
            key={p}
            dataKey={p}
            stackId="v"
            fill={colorOf(i)}
            isAnimationActive={false}
            shape={(props: { x?: number; y?: number; width?: number; height?: number }) =>
              props.height ? (
                <rect
                  data-mark="activity"
                  x={props.x}
                  y={props.y}
                  width={props.width}
                  height={props.height}
                  fill={colorOf(i)}
                />
              ) : (
                <g />
              )
            }
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export interface WordPoint {
  t: number;
  words: number;
  month: string;
}

export function WordsChart({ series }: { series: Array<{ name: string; points: WordPoint[] }> }) {
  return (
    <ResponsiveContainer width="100%" height={280}>
      <ScatterChart margin={{ left: 8, right: 16, top: 8 }}>
        <CartesianGrid stroke="#e5e7eb" />
        <XAxis
          type="number"
          dataKey="t"
          domain={["dataMin", "dataMax"]}
          scale="time"
          tickFormatter={fmtYear}
          fontSize={12}
        />
        <YAxis type="number" dataKey="words" fontSize={12} width={48} />
        <Tooltip formatter={(v, n) => (n === "t" ? fmtDay(Number(v)) : String(v))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((s, i) => (
          <Scatter
            key={s.name}
            name={s.name}
            data={s.points}
            fill={colorOf(i)}
            line={{ strokeWidth: 1 }}
            isAnimationActive={false}
            shape={(props: { cx?: number; cy?: number }) => (
              <circle data-mark="words" cx={props.cx} cy={props.cy} r={2.5} fill={colorOf(i)} />
            )}
          />
        ))}
      </ScatterChart>
    </ResponsiveContainer>
  );
}

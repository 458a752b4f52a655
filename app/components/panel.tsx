/** A chart with what it counts, its data as a table, and the link to the same data as CSV. */
export function ChartPanel({
  id,
  title,
  caption,
  csv,
  marks,
  empty,
  chart,
  table,
}: {
  id: string;
  title: string;
  caption: string;
  csv: string;
  marks: number;
  empty: string;
  chart: React.ReactNode;
  table: React.ReactNode;
}) {
  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-chart={id} data-marks={marks}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>{title}</h2>
        <a className="csv" href={csv}>
          CSV
        </a>
      </div>
      <p className="caption">{caption}</p>
      {marks === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <>
          <div
            className="chart"
            role="img"
            aria-label={`${title}: chart; the table below holds the same data`}
          >
            {chart}
          </div>
          <details className="table-view">
            <summary>Table view</summary>
            <div className="table-wrap">{table}</div>
          </details>
        </>
      )}
    </section>
  );
}

export function query(params: Record<string, string | undefined>) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
}

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export const one = (v: string | string[] | undefined) =>
  (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

export const isoDay = (v: string | undefined) =>
  v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined;

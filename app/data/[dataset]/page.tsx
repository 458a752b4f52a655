import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import {
  DATASETS,
  DatasetParamError,
  type DatasetQuery,
  datasetByName,
  datasetPage,
  parseDatasetQuery,
  toSearchParams,
} from "@/db/queries/datasets";
import { getDb } from "@/db/server";
import styles from "../data.module.css";
import { DataTable } from "./data-table";

type Props = {
  params: Promise<{ dataset: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { dataset } = await params;
  return { title: datasetByName(dataset)?.title ?? "Data" };
}

export default async function DatasetPage({ params, searchParams }: Props) {
  await connection();
  const { dataset: name } = await params;
  const dataset = datasetByName(name);
  if (!dataset) notFound();
  const raw = await searchParams;

  let query: DatasetQuery;
  let problem: string | null = null;
  try {
    query = parseDatasetQuery(dataset, raw);
  } catch (error) {
    if (!(error instanceof DatasetParamError)) throw error;
    problem = error.message;
    query = parseDatasetQuery(dataset, {});
  }
  const visible =
    query.columns ?? dataset.columns.filter((c) => c.shownByDefault).map((c) => c.name);
  const db = await getDb();
  const page = await datasetPage(db.$client, dataset, { ...query, columns: visible });

  const search = toSearchParams(dataset, query).toString();
  const exportQuery = toSearchParams(dataset, { ...query, page: undefined, size: undefined });
  const exportHref = (format: string, bom = false) => {
    const p = new URLSearchParams(exportQuery);
    if (bom) p.set("bom", "1");
    const qs = p.toString();
    return `/api/export/${dataset.name}.${format}${qs ? `?${qs}` : ""}`;
  };

  return (
    <>
      <p className={styles.crumbs}>
        <Link href="/data">Data</Link> ›{" "}
        {Object.values(DATASETS).map((d, i) => (
          <span key={d.name}>
            {i > 0 ? " · " : ""}
            {d.name === dataset.name ? (
              <strong>{d.title}</strong>
            ) : (
              <Link href={`/data/${d.name}`}>{d.title}</Link>
            )}
          </span>
        ))}
      </p>
      <h1>{dataset.title}</h1>
      <p className="lede">
        {dataset.description} Columns and their meanings:{" "}
        <Link href={`/data#${dataset.name}`}>data dictionary</Link>.
      </p>

      {problem ? (
        <p className={styles.problem} role="alert">
          These filters could not be used: {problem}. Showing everything instead.
        </p>
      ) : null}

      <form
        className={styles.filters}
        method="get"
        action={`/data/${dataset.name}`}
        aria-label="Filters"
      >
        {dataset.filters.map((f) => {
          const value = raw[f.param];
          const current = (Array.isArray(value) ? value[0] : value) ?? "";
          const id = `filter-${f.param}`;
          return (
            <label key={f.param} htmlFor={id} title={f.description}>
              <span>{f.param}</span>
              {f.kind === "enum" || f.kind === "boolean" ? (
                <select id={id} name={f.param} defaultValue={current}>
                  <option value="">any</option>
                  {(f.kind === "enum" ? f.values : ["true", "false"]).map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={id}
                  name={f.param}
                  defaultValue={current}
                  type={f.kind === "date-from" || f.kind === "date-to" ? "date" : "text"}
                  inputMode={f.kind === "integer" ? "numeric" : undefined}
                  placeholder={
                    f.kind === "text" ? f.example : f.kind === "search" ? "words…" : undefined
                  }
                />
              )}
            </label>
          );
        })}
        {query.sort.column !== dataset.defaultSort.column ||
        query.sort.desc !== dataset.defaultSort.desc ? (
          <>
            <input type="hidden" name="sort" value={query.sort.column} />
            <input type="hidden" name="order" value={query.sort.desc ? "desc" : "asc"} />
          </>
        ) : null}
        {query.columns ? (
          <input type="hidden" name="columns" value={query.columns.join(",")} />
        ) : null}
        {query.size !== 50 ? <input type="hidden" name="size" value={query.size} /> : null}
        <div className={styles.filterActions}>
          <button type="submit">Filter</button>
          <Link href={`/data/${dataset.name}`}>Clear</Link>
        </div>
      </form>

      <p className={styles.exports}>
        Export{" "}
        {page.capped ? "all matching rows" : `these ${page.total.toLocaleString("en-GB")} rows`}:{" "}
        <a href={exportHref("csv")} download>
          CSV
        </a>{" "}
        ·{" "}
        <a href={exportHref("csv", true)} download>
          CSV for Excel
        </a>{" "}
        ·{" "}
        <a href={exportHref("json")} download>
          JSON
        </a>
      </p>

      <DataTable
        dataset={dataset.name}
        columns={dataset.columns.map((c) => ({
          name: c.name,
          type: c.type,
          description: c.description,
          sortable: Boolean(c.sortable),
        }))}
        visible={visible}
        rows={page.rows}
        sort={query.sort}
        defaultSort={dataset.defaultSort}
        page={query.page}
        size={query.size}
        total={page.total}
        capped={page.capped}
        search={search}
      />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { COUNT_CAP, CREDITS, DATASETS } from "@/db/queries/datasets";
import styles from "./data.module.css";

export const metadata: Metadata = { title: "Data dictionary and exports" };

const TYPES: Record<string, string> = {
  integer: "integer",
  text: "text",
  date: "date (ISO 8601, YYYY-MM-DD)",
  timestamp: "timestamp (ISO 8601, UTC, YYYY-MM-DDTHH:MM:SS.sssZ)",
  boolean: "boolean (true / false; empty when unknown)",
  list: 'list (JSON array; in CSV joined with "; ")',
};

const FILTER_KINDS: Record<string, string> = {
  enum: "one of the listed values",
  text: "exact text",
  integer: "whole number",
  boolean: "true or false",
  "date-from": "date YYYY-MM-DD",
  "date-to": "date YYYY-MM-DD",
  search: "words (case-insensitive substring)",
};

export default function DataDictionaryPage() {
  const datasets = Object.values(DATASETS);
  return (
    <>
      <h1>Data: tables, exports and dictionary</h1>
      <p className="lede">
        Every dataset in Termtrail is a table you can sort, filter and narrow down, and a file you
        can download whole: CSV for spreadsheets, JSON for programs. The table and its export take
        the same parameters, so what you see filtered is what you download.
      </p>
      <ul className={styles.toc} aria-label="Datasets">
        {datasets.map((d) => (
          <li key={d.name}>
            <Link href={`/data/${d.name}`}>{d.title}</Link>
          </li>
        ))}
        <li>
          <a href="#api">JSON API</a>
        </li>
        <li>
          <a href="#credits">Credits</a>
        </li>
      </ul>

      <section className={styles.api} aria-labelledby="api">
        <h2 id="api">Exports and the JSON API</h2>
        <p>
          <code>GET /api/export/&lt;dataset&gt;.csv</code> and{" "}
          <code>GET /api/export/&lt;dataset&gt;.json</code>, for the datasets{" "}
          {datasets.map((d, i) => (
            <span key={d.name}>
              {i ? ", " : ""}
              <code>{d.name}</code>
            </span>
          ))}
          . They return the whole filtered set, never one page, streamed as it is read.
        </p>
        <ul>
          <li>
            Filters: each dataset&apos;s parameters, listed below. Values are checked: a bad one
            gets <code>400</code> with a JSON body <code>{`{"error": "…"}`}</code> that says what is
            wrong.
          </li>
          <li>
            <code>sort=&lt;column&gt;</code> (a sortable column) and <code>order=asc|desc</code>:
            ties are broken by id, so the order is stable.
          </li>
          <li>
            <code>columns=a,b,c</code> keeps only those columns (in the dataset&apos;s order);
            without it, every column.
          </li>
          <li>
            CSV: RFC 4180, UTF-8, CRLF line ends, a header row with the column names below.{" "}
            <code>bom=1</code> adds a byte-order mark so Excel reads UTF-8. A text cell that a
            spreadsheet would run as a formula (starting with <code>=</code>, <code>+</code>,{" "}
            <code>-</code>, <code>@</code>, a tab or a carriage return, even after spaces or line
            breaks) is written with a leading apostrophe. Empty cells are nulls.
          </li>
          <li>
            JSON: one object with <code>dataset</code>, <code>generated_at</code>,{" "}
            <code>credits</code> (the attribution the archives&apos; licence asks for, to keep with
            the data), <code>filters</code>, <code>sort</code>, <code>columns</code> (name, type,
            description), <code>rows</code> (objects keyed by column name, raw values: no
            apostrophes) and <code>row_count</code>.
          </li>
          <li>
            The file is named <code>termtrail-&lt;dataset&gt;-&lt;YYYY-MM-DD&gt;.csv</code> (or{" "}
            <code>.json</code>).
          </li>
          <li>
            The tables show the same rows, 25 to 200 a page (<code>page</code>, <code>size</code>
            ); their counts stop at {COUNT_CAP.toLocaleString("en-GB")}+ to stay fast.
          </li>
        </ul>
        <p>Examples:</p>
        <pre>{`curl -OJ 'http://localhost:3000/api/export/events.csv?kind=forced_consent_deadline&platform=whatsapp'
curl 'http://localhost:3000/api/export/versions.json?platform=spotify&from=2020-01-01&sort=captured_at&order=asc'
curl 'http://localhost:3000/api/export/runs.csv?status=failed&columns=id,started_at,error_class,error_message&bom=1'`}</pre>
        <pre>{`{"dataset":"versions","generated_at":"2026-01-05T09:00:00.000Z",
 "credits":{"notice":"…","sources":[{"name":"Open Terms Archive …","attribution":"…","license":"ODC-BY 1.0"}, …]},
 "filters":{"platform":"spotify","from":"2020-01-01"},"sort":{"column":"captured_at","order":"asc"},
 "columns":[{"name":"id","type":"integer","description":"Version id."}, …],
 "rows":[
{"id":412,"document_id":9,"platform":"spotify","document_type":"Privacy Policy","seq":3,"captured_at":"2020-02-11T00:00:00.000Z", …}
],"row_count":1}`}</pre>
        <pre>{`$ curl -i 'http://localhost:3000/api/export/events.csv?from=last+week'
HTTP/1.1 400 Bad Request
{"error":"Bad parameter: from must be a date written YYYY-MM-DD (got \\"last week\\")"}`}</pre>
      </section>

      <div className={styles.dictionary}>
        {datasets.map((d) => (
          <section key={d.name} aria-labelledby={d.name}>
            <h2 id={d.name}>
              {d.title} <code>{d.name}</code>
            </h2>
            <p>
              {d.description} <Link href={`/data/${d.name}`}>Table</Link> ·{" "}
              <a href={`/api/export/${d.name}.csv`}>CSV</a> ·{" "}
              <a href={`/api/export/${d.name}.json`}>JSON</a>
            </p>
            <div className="table-wrap">
              <table aria-label={`${d.name} columns`}>
                <thead>
                  <tr>
                    <th>Column</th>
                    <th>Type</th>
                    <th>Meaning</th>
                  </tr>
                </thead>
                <tbody>
                  {d.columns.map((c) => (
                    <tr key={c.name}>
                      <td>
                        <code>{c.name}</code>
                        {c.sortable ? <div className="muted">sortable</div> : null}
                      </td>
                      <td>{TYPES[c.type]}</td>
                      <td>{c.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="muted">
              Filters:{" "}
              {d.filters.map((f, i) => (
                <span key={f.param}>
                  {i ? "; " : ""}
                  <code>{f.param}</code> ({FILTER_KINDS[f.kind]}
                  {f.kind === "enum" ? `: ${f.values.join(", ")}` : ""}) {f.description}
                </span>
              ))}
              . Default order: <code>{d.defaultSort.column}</code>{" "}
              {d.defaultSort.desc ? "descending" : "ascending"}.
            </p>
          </section>
        ))}
      </div>

      <section aria-labelledby="credits">
        <h2 id="credits">Credits</h2>
        <p>{CREDITS.notice}</p>
        <ul>
          {CREDITS.sources.map((s) => (
            <li key={s.name}>
              <strong>{s.name}</strong>: {s.attribution}. {s.license}.
            </li>
          ))}
        </ul>
        <p>
          Keep this attribution with any data you publish from these exports. More on{" "}
          <Link href="/about">the about page</Link>.
        </p>
      </section>
    </>
  );
}

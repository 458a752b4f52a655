import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing";
import {
  DATASETS,
  DatasetParamError,
  datasetPage,
  exportStream,
  guardFormula,
  parseDatasetQuery,
} from ".";

const TRICKY = [
  "plain",
  "comma, inside",
  'quote " inside and ""doubled""',
  "line\nbreak",
  "crlf\r\nbreak",
  "Ελληνικά · 中文 · العربية · русский",
  "emoji 🙂👩🏽‍💻 and flags 🇫🇷",
  '=HYPERLINK("http://evil","x")',
  "+1+1",
  "-2+3",
  "@SUM(A1)",
  "\tTAB",
  "\rCR",
  "   =after spaces",
  "\n=after newline",
  " \n @mixed",
  "a = b is fine",
  "",
];
const FORMULA = /^\s*[=+\-@\t\r]/;

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.sql`insert into platforms (slug, name) values ('whatsapp', 'WhatsApp'), ('spotify', 'Spotify')`;
  await t.sql`insert into documents (platform_id, key, type, type_slug)
    select id, slug || '/privacy-policy', 'Privacy Policy', 'privacy-policy' from platforms`;
  const [wa] =
    await t.sql`select d.id from documents d join platforms p on p.id = d.platform_id where p.slug = 'whatsapp'`;
  const [sp] =
    await t.sql`select d.id from documents d join platforms p on p.id = d.platform_id where p.slug = 'spotify'`;
  let i = 0;
  for (const message of TRICKY) {
    i++;
    await t.sql`insert into fetch_runs (document_id, status, started_at, duration_ms, error_message, final_url)
      values (${i % 2 ? wa?.id : sp?.id}, ${i % 3 === 0 ? "failed" : "unchanged"},
              ${new Date(Date.UTC(2024, 0, i, 12)).toISOString()}::timestamptz, ${-i}, ${message}, ${`https://example.org/${i}`})`;
  }
});
afterAll(() => t.drop());

async function readAll(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}

const runs = DATASETS.runs as NonNullable<(typeof DATASETS)["runs"]>;

describe("CSV export", () => {
  it("round-trips tricky values through a real CSV parser, with formulas neutralised", async () => {
    const query = parseDatasetQuery(runs, { sort: "started_at", order: "asc" });
    const stream = exportStream(t.sql, runs, query, "csv", { batchRows: 4 });
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    expect(bytes[0]).toBe("i".charCodeAt(0));
    const text = new TextDecoder().decode(bytes);
    // RFC 4180: every record ends with CRLF.
    expect(text.endsWith("\r\n")).toBe(true);
    const records = parse(text, { columns: true, bom: true }) as Record<string, string>[];
    expect(records).toHaveLength(TRICKY.length);
    expect(Object.keys(records[0] ?? {})).toEqual(runs.columns.map((c) => c.name));
    records.forEach((r, n) => {
      const original = TRICKY[n] as string;
      expect(r.error_message).toBe(FORMULA.test(original) ? `'${original}` : original);
      // Negative numbers are numbers, not formulas.
      expect(r.duration_ms).toBe(String(-(n + 1)));
      expect(r.started_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });
    expect(records[0]?.started_at).toBe("2024-01-01T12:00:00.000Z");
  });

  it("adds a BOM only when asked", async () => {
    const query = parseDatasetQuery(runs, { bom: "1" });
    const bytes = new Uint8Array(
      await new Response(exportStream(t.sql, runs, query, "csv")).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect((parse(text, { bom: true }) as string[][])[0]?.[0]).toBe("id");
  });

  it("exports exactly the filtered set, and only the chosen columns", async () => {
    const query = parseDatasetQuery(runs, {
      status: "failed",
      platform: "whatsapp",
      columns: "id,error_message,status",
    });
    const text = await readAll(exportStream(t.sql, runs, query, "csv", { batchRows: 1 }));
    const records = parse(text, { columns: true }) as Record<string, string>[];
    const expected = TRICKY.map((m, n) => ({ m, i: n + 1 })).filter(
      ({ i }) => i % 3 === 0 && i % 2 === 1,
    );
    expect(records.map((r) => r.status)).toEqual(expected.map(() => "failed"));
    expect(records).toHaveLength(expected.length);
    expect(Object.keys(records[0] ?? {})).toEqual(["id", "status", "error_message"]);
  });

  it("an empty result still has its header", async () => {
    const query = parseDatasetQuery(runs, { from: "2030-01-01" });
    const text = await readAll(exportStream(t.sql, runs, query, "csv"));
    expect(text).toBe(`${runs.columns.map((c) => c.name).join(",")}\r\n`);
  });
});

describe("JSON export", () => {
  it("carries the credits, the columns and every row with raw values", async () => {
    const query = parseDatasetQuery(runs, { sort: "started_at", order: "asc" });
    const text = await readAll(exportStream(t.sql, runs, query, "json", { batchRows: 5 }));
    const body = JSON.parse(text);
    expect(body.dataset).toBe("runs");
    expect(JSON.stringify(body.credits)).toContain("ODC-BY 1.0");
    expect(JSON.stringify(body.credits)).toContain("Open Terms Archive");
    expect(body.row_count).toBe(TRICKY.length);
    expect(body.rows.map((r: { error_message: string }) => r.error_message)).toEqual(TRICKY);
    expect(typeof body.rows[0].id).toBe("number");
    expect(body.columns[0]).toMatchObject({ name: "id", type: "integer" });
  });
});

describe("filters and pages", () => {
  it("says what is wrong with a bad value", () => {
    expect(() => parseDatasetQuery(runs, { from: "yesterday" })).toThrow(
      /from must be a date written YYYY-MM-DD \(got "yesterday"\)/,
    );
    expect(() => parseDatasetQuery(runs, { status: "nope" })).toThrow(/status must be one of/);
    expect(() => parseDatasetQuery(runs, { sort: "error_message" })).toThrow(/sort must be one of/);
    expect(() => parseDatasetQuery(runs, { document: "1; drop" })).toThrow(/whole number/);
    expect(() => parseDatasetQuery(runs, { colour: "red" })).toThrow(/unknown parameter "colour"/);
    expect(() => parseDatasetQuery(runs, { from: "2024-02-01", to: "2024-01-01" })).toThrow(
      DatasetParamError,
    );
  });

  it("date filters are inclusive UTC days", async () => {
    const query = parseDatasetQuery(runs, { from: "2024-01-02", to: "2024-01-04" });
    const page = await datasetPage(t.sql, runs, query);
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.started_at)).toEqual([
      "2024-01-04T12:00:00.000Z",
      "2024-01-03T12:00:00.000Z",
      "2024-01-02T12:00:00.000Z",
    ]);
  });

  it("sorts and pages on the server, with links", async () => {
    const query = parseDatasetQuery(runs, { sort: "started_at", order: "asc", size: "25" });
    const page = await datasetPage(t.sql, runs, { ...query, size: 5, page: 2 });
    expect(page.total).toBe(TRICKY.length);
    expect(page.rows).toHaveLength(5);
    expect(page.rows[0]?.started_at).toBe("2024-01-06T12:00:00.000Z");
    expect(page.rows[0]?._link).toMatch(/^\/documents\/\d+$/);
  });

  it("a search with LIKE wildcards matches them literally", async () => {
    const page = await datasetPage(t.sql, DATASETS.documents as never, {
      ...parseDatasetQuery(DATASETS.documents as never, { q: "%" }),
    });
    expect(page.total).toBe(0);
  });

  it("every dataset's SQL runs, for every sortable column", async () => {
    for (const dataset of Object.values(DATASETS)) {
      for (const c of dataset.columns.filter((c) => c.sortable)) {
        const page = await datasetPage(
          t.sql,
          dataset,
          parseDatasetQuery(dataset, { sort: c.name, order: "desc" }),
        );
        expect(page.total).toBeGreaterThanOrEqual(0);
      }
    }
  });
});

describe("guardFormula", () => {
  it("prefixes payloads, leaves the rest", () => {
    expect(guardFormula("  \n=1")).toBe("'  \n=1");
    expect(guardFormula("\t")).toBe("'\t");
    expect(guardFormula("hello -1")).toBe("hello -1");
  });
});

describe("the route", () => {
  it("streams with a dated filename, and answers 400 with the reason", async () => {
    process.env.DATABASE_URL = t.url;
    const { GET } = await import("../../../app/api/export/[file]/route");
    const ok = await GET(new Request("http://x/api/export/runs.csv?platform=spotify"), {
      params: Promise.resolve({ file: "runs.csv" }),
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("text/csv");
    expect(ok.headers.get("content-disposition")).toMatch(
      /^attachment; filename="termtrail-runs-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const records = parse(await ok.text(), { columns: true }) as Record<string, string>[];
    expect(records.every((r) => r.platform === "spotify")).toBe(true);
    expect(records).toHaveLength(Math.floor(TRICKY.length / 2));

    const bad = await GET(new Request("http://x/api/export/runs.json?from=2024-13-01"), {
      params: Promise.resolve({ file: "runs.json" }),
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/from must be a date/);

    const missing = await GET(new Request("http://x/api/export/nope.csv"), {
      params: Promise.resolve({ file: "nope.csv" }),
    });
    expect(missing.status).toBe(404);
  });
});

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platforms } from "./schema";
import { createTestDatabase, type TestDatabase } from "./testing";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe("test database", () => {
  it("is migrated, UTF-8, and holds non-Latin text intact", async () => {
    const [enc] =
      await t.sql`select pg_encoding_to_char(encoding) as e from pg_database where datname = current_database()`;
    expect(enc?.e).toBe("UTF8");
    await t.db.insert(platforms).values({ slug: "x", name: "Ведомости 🎵 دیجی‌کالا" });
    const rows = await t.db.select().from(platforms);
    expect(rows[0]?.name).toBe("Ведомости 🎵 دیجی‌کالا");
    const [tables] = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from information_schema.tables where table_name in ('platforms','documents','fetch_runs','snapshots','versions','changes')`,
    );
    expect(tables?.n).toBe(6);
  });
});

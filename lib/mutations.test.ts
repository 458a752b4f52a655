/**
 * Every mutating entry point checks the role on the server. This test finds them all (route
 * handlers exporting POST/PUT/PATCH/DELETE anywhere under app/, and every export of a
 * "use server" file), calls each one anonymously and as a signed-in reader, and expects
 * 401 and 403, with nothing written. A new mutation is covered without editing this file.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { hashPassword } from "better-auth/crypto";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { accounts, auditLog, documents, users } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing";

let currentHeaders = new Headers();
vi.mock("next/headers", () => ({
  headers: async () => currentHeaders,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));

const ROOT = path.resolve(import.meta.dirname, "..");
const APP = path.join(ROOT, "app");
const METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;
/** Not role-guarded on purpose: signing in and out must work for anyone. */
const PUBLIC = new Set(["app/api/auth/[...all]/route.ts", "app/api/session/logout/route.ts"]);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

const files = walk(APP).filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith(".test.ts"));
const routeFiles = files.filter((f) => /\/route\.ts$/.test(f));
const serverActionFiles = files.filter((f) =>
  /^\s*["']use server["']/.test(readFileSync(f, "utf8")),
);

interface Entry {
  name: string;
  call: () => Promise<Response | unknown>;
}

const rel = (f: string) => path.relative(ROOT, f);

/** "/api/sources/[id]/run" with every dynamic segment filled in. */
function urlAndParams(file: string) {
  const segments = path.dirname(path.relative(APP, file)).split(path.sep);
  const params: Record<string, string | string[]> = {};
  const parts = segments.map((s) => {
    const m = /^\[(\.\.\.)?(.+)\]$/.exec(s);
    if (!m?.[2]) return s;
    params[m[2]] = m[1] ? ["1"] : "1";
    return "1";
  });
  return { url: `http://localhost:3000/${parts.join("/")}`, params };
}

async function entries(): Promise<Entry[]> {
  const out: Entry[] = [];
  for (const file of routeFiles) {
    if (PUBLIC.has(rel(file))) continue;
    const mod = (await import(file)) as Record<string, unknown>;
    const { url, params } = urlAndParams(file);
    for (const method of METHODS) {
      const handler = mod[method] as
        | ((r: Request, c: { params: Promise<unknown> }) => Promise<Response>)
        | undefined;
      if (!handler) continue;
      out.push({
        name: `${method} ${rel(file)}`,
        call: () => {
          const body = new FormData();
          body.set("platformSlug", "acme");
          body.set("type", "Privacy Policy");
          body.set("url", "https://example.com/privacy");
          body.set("reason", "not relevant at all");
          return handler(new Request(url, { method, headers: currentHeaders, body }), {
            params: Promise.resolve(params),
          });
        },
      });
    }
  }
  for (const file of serverActionFiles) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(mod)) {
      if (typeof fn !== "function") continue;
      out.push({
        name: `server action ${name} in ${rel(file)}`,
        call: () => (fn as (...a: unknown[]) => Promise<unknown>)(new FormData()),
      });
    }
  }
  return out;
}

async function statusOf(entry: Entry): Promise<number> {
  try {
    const result = await entry.call();
    if (result instanceof Response) return result.status;
    return 200;
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status) return status;
    throw error;
  }
}

let t: TestDatabase;
let readerCookie = "";
let maintainerCookie = "";

async function addUser(email: string, role: "reader" | "maintainer") {
  const id = `u-${role}`;
  await t.db.insert(users).values({ id, email, name: role, role });
  await t.db.insert(accounts).values({
    id: `a-${role}`,
    accountId: id,
    providerId: "credential",
    userId: id,
    password: await hashPassword("correct horse battery"),
  });
}

async function signIn(email: string, password = "correct horse battery") {
  const { getAuth } = await import("./auth");
  const auth = await getAuth();
  const response = await auth.api.signInEmail({
    body: { email, password },
    asResponse: true,
  });
  return {
    status: response.status,
    cookie: response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; "),
    setCookie: response.headers.getSetCookie(),
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  process.env.BETTER_AUTH_SECRET = "test-secret-test-secret-test-secret-0123";
  await addUser("reader@example.com", "reader");
  await addUser("maintainer@example.com", "maintainer");
  readerCookie = (await signIn("reader@example.com")).cookie;
  maintainerCookie = (await signIn("maintainer@example.com")).cookie;
});
afterAll(async () => {
  await t.drop();
});

describe("every mutating route handler and server action", () => {
  it("finds the mutations to check", async () => {
    const all = await entries();
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(all.map((e) => e.name)).toContain("POST app/api/sources/route.ts");
  });

  it("refuses anonymous requests with 401 and readers with 403, writing nothing", async () => {
    const before = {
      audit: (await t.db.select({ n: count() }).from(auditLog))[0]?.n,
      documents: (await t.db.select({ n: count() }).from(documents))[0]?.n,
    };
    const refused: string[] = [];
    for (const entry of await entries()) {
      currentHeaders = new Headers();
      expect(await statusOf(entry), `${entry.name} anonymous`).toBe(401);
      currentHeaders = new Headers({ cookie: readerCookie });
      expect(await statusOf(entry), `${entry.name} as a reader`).toBe(403);
      refused.push(entry.name);
    }
    // Admin-only mutations refuse maintainers too.
    for (const entry of (await entries()).filter((e) => e.name.includes("app/api/admin/"))) {
      currentHeaders = new Headers({ cookie: maintainerCookie });
      expect(await statusOf(entry), `${entry.name} as a maintainer`).toBe(403);
      refused.push(`${entry.name} (maintainer: 403)`);
    }
    console.log(`Refused anonymously (401) and for a reader (403):\n  ${refused.join("\n  ")}`);
    expect((await t.db.select({ n: count() }).from(auditLog))[0]?.n).toBe(before.audit);
    expect((await t.db.select({ n: count() }).from(documents))[0]?.n).toBe(before.documents);
  });

  it("refuses a maintainer's request coming from another site", async () => {
    const { POST } = await import("@/app/api/sources/route");
    const response = await POST(
      new Request("http://localhost:3000/api/sources", {
        method: "POST",
        headers: {
          cookie: maintainerCookie,
          origin: "https://evil.example",
          host: "localhost:3000",
        },
        body: new FormData(),
      }),
      undefined,
    );
    expect(response.status).toBe(403);
  });

  it("lets a maintainer through (the check is not a blanket refusal)", async () => {
    const { POST } = await import("@/app/api/sources/route");
    const body = new FormData();
    body.set("platformSlug", "acme");
    body.set("type", "Nope");
    body.set("url", "ftp://x");
    const response = await POST(
      new Request("http://localhost:3000/api/sources", {
        method: "POST",
        headers: { cookie: maintainerCookie, accept: "application/json" },
        body,
      }),
      undefined,
    );
    expect(response.status).toBe(400);
    const json = (await response.json()) as { errors: Record<string, string> };
    expect(Object.keys(json.errors)).toEqual(expect.arrayContaining(["type", "url"]));
  });
});

describe("accounts", () => {
  it("stores passwords as scrypt hashes and sets HttpOnly, SameSite=Lax session cookies", async () => {
    const rows = await t.db.select({ password: accounts.password }).from(accounts);
    for (const r of rows) expect(r.password).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
    const { setCookie, status } = await signIn("maintainer@example.com");
    expect(status).toBe(200);
    const session = setCookie.find((c) => c.includes("session_token"));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
  });

  it("refuses a wrong password", async () => {
    const { status } = await signIn("maintainer@example.com", "wrong password!!");
    expect(status).toBe(401);
  });

  it("slows down repeated failed sign-ins for one email", async () => {
    const { delayFor, noteSignIn } = await import("./auth-throttle");
    const email = "someone@example.com";
    expect(delayFor(email)).toBe(0);
    for (let i = 0; i < 4; i++) noteSignIn(email, false);
    expect(delayFor(email)).toBeGreaterThanOrEqual(4000);
    noteSignIn(email, true);
    expect(delayFor(email)).toBe(0);
  });
});

describe("sign-in through the route handler", () => {
  const attempt = async (email: string, password: string) => {
    const { POST } = await import("@/app/api/auth/[...all]/route");
    const started = Date.now();
    const response = await POST(
      new Request("http://localhost:3000/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.9" },
        body: JSON.stringify({ email, password }),
      }),
    );
    return { status: response.status, ms: Date.now() - started };
  };

  it("answers repeated failures for one email more and more slowly", async () => {
    const first = await attempt("reader@example.com", "wrong password 1");
    const second = await attempt("reader@example.com", "wrong password 2");
    const third = await attempt("reader@example.com", "wrong password 3");
    expect([first.status, second.status, third.status]).toEqual([401, 401, 401]);
    expect(second.ms).toBeGreaterThanOrEqual(450);
    expect(third.ms).toBeGreaterThanOrEqual(950);
  });

  it("rate-limits sign-in attempts from one address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await attempt(`nobody${i}@example.com`, "whatever password")).status);
    }
    expect(statuses).toContain(429);
  });
});

/**
 * npm run bench -- render [--runs N] [--no-scale] [--build] [--json]
 *
 * Server render time of `/`, `/timeline` and `/documents/[id]` (the whole response, measured by
 * the client, on a warm production server), first on the seeded corpus, then with the synthetic
 * scale set (bench/scale-data.ts: 100k events, 50k versions, 1M fetch runs) added. Target: p95
 * under 150 ms. Also reports the gzip size of the JavaScript each route loads, from the build.
 * Uses the existing production build (.next), or builds one with --build or when there is none.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { and, eq, sql } from "drizzle-orm";
import { PROJECT_ROOT } from "@/db/embedded";
import { documents, versions } from "@/db/schema";
import { seedIfNeeded } from "@/db/seed";
import { addScaleData } from "./scale-data";
import { scratchDatabase } from "./scratch-db";

const NEXT = path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function startServer(url: string): Promise<{ base: string; proc: ChildProcess }> {
  const port = await freePort();
  const proc = spawn(process.execPath, [NEXT, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: "production" },
    stdio: "ignore",
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/about`)).ok) return { base, proc };
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  proc.kill();
  throw new Error("next start did not answer");
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function measure(base: string, route: string, runs: number) {
  for (let i = 0; i < 3; i++) await (await fetch(base + route)).text();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const res = await fetch(base + route);
    await res.text();
    if (!res.ok) throw new Error(`${route}: HTTP ${res.status}`);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const r = (n: number) => Number(n.toFixed(1));
  return {
    route,
    runs,
    p50: r(percentile(times, 50)),
    p95: r(percentile(times, 95)),
    max: r(times.at(-1) ?? 0),
  };
}

/** The JavaScript a route's HTML loads, read from the build and gzipped. */
async function jsSize(base: string, route: string) {
  const html = await (await fetch(base + route)).text();
  const srcs = [
    ...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1] as string)),
  ];
  let raw = 0;
  let gz = 0;
  for (const src of srcs) {
    const file = path.join(
      PROJECT_ROOT,
      ".next",
      decodeURIComponent(src).replace(/^\/_next\//, ""),
    );
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return {
    route,
    scripts: srcs.length,
    kB: Number((raw / 1024).toFixed(1)),
    gzipKB: Number((gz / 1024).toFixed(1)),
  };
}

export async function benchRender(args: string[]) {
  const runs = Number(args[args.indexOf("--runs") + 1]) || 40;
  const json = args.includes("--json");
  if (args.includes("--build") || !existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID"))) {
    const build = spawnSync(process.execPath, [NEXT, "build"], {
      cwd: PROJECT_ROOT,
      stdio: "inherit",
    });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const scratch = await scratchDatabase();
  const results: Record<string, unknown> = {};
  let server: { base: string; proc: ChildProcess } | undefined;
  try {
    await seedIfNeeded(scratch.db, () => {});
    const [spotify] = await scratch.db
      .select({ id: documents.id })
      .from(documents)
      .where(eq(documents.key, "spotify/privacy-policy--tosback-versions"));
    const [famous] = spotify
      ? await scratch.db
          .select({ id: versions.id })
          .from(versions)
          .where(
            and(
              eq(versions.documentId, spotify.id),
              sql`${versions.capturedAt}::date = '2015-09-10'`,
            ),
          )
      : [];
    const docRoute = spotify
      ? `/documents/${spotify.id}${famous ? `?v=${famous.id}` : ""}`
      : "/documents/1";
    const routes = ["/", "/timeline", docRoute];
    server = await startServer(scratch.url);
    results.corpus = [];
    for (const r of routes) (results.corpus as unknown[]).push(await measure(server.base, r, runs));
    results.javascript = [];
    for (const r of routes) (results.javascript as unknown[]).push(await jsSize(server.base, r));
    if (!json) {
      console.log("render, corpus:");
      console.table(results.corpus);
      console.log("JavaScript per route (from the build):");
      console.table(results.javascript);
    }
    if (!args.includes("--no-scale")) {
      await addScaleData(scratch.db, json ? () => {} : (l) => console.log(l));
      const [scaleDoc] = await scratch.db
        .select({ id: documents.id })
        .from(documents)
        .where(eq(documents.origin, "scale"))
        .limit(1);
      const scaleRoutes = [
        ...routes,
        `/documents/${scaleDoc?.id}`,
        "/timeline?kind=data_sharing_expansion&page=50",
      ];
      results.scale = [];
      for (const r of scaleRoutes)
        (results.scale as unknown[]).push(await measure(server.base, r, runs));
      if (!json) {
        console.log("render, with the scale set (100k events, 50k versions, 1M fetch runs):");
        console.table(results.scale);
      }
    }
    if (json) console.log(JSON.stringify(results, null, 2));
    else console.log("Target: p95 < 150 ms per route.");
  } finally {
    server?.proc.kill("SIGTERM");
    await scratch.drop();
  }
}

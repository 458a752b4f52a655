import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FixtureServer,
  FIXTURE_PATHS as P,
  startFixtureServer,
} from "../testing/fixture-server";
import { createHostQueue, fetchDocument } from "./index";
import { FAST } from "./test-support";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("host queue", () => {
  it("runs one task at a time per host, pausing delayMs between them", async () => {
    const queue = createHostQueue();
    const spans: Array<[number, number]> = [];
    const task = async () => {
      const start = Date.now();
      await sleep(30);
      spans.push([start, Date.now()]);
    };
    await Promise.all([1, 2, 3].map(() => queue.run("example.org", 50, task)));
    expect(spans).toHaveLength(3);
    for (let i = 1; i < spans.length; i++) {
      const gap = (spans[i]?.[0] ?? 0) - (spans[i - 1]?.[1] ?? 0);
      expect(gap).toBeGreaterThanOrEqual(48);
    }
  });

  it("keys on hostname, case-insensitively, and lets different hosts run in parallel", async () => {
    const queue = createHostQueue();
    let running = 0;
    let peak = 0;
    const task = async () => {
      running++;
      peak = Math.max(peak, running);
      await sleep(40);
      running--;
    };
    await Promise.all([queue.run("a.example", 0, task), queue.run("b.example", 0, task)]);
    expect(peak).toBe(2);
    peak = 0;
    await Promise.all([queue.run("A.example", 0, task), queue.run("a.EXAMPLE", 0, task)]);
    expect(peak).toBe(1);
  });

  it("a failing task rejects its caller without stalling the next one", async () => {
    const queue = createHostQueue();
    const failing = queue.run("x.example", 0, async () => {
      throw new Error("boom");
    });
    const next = queue.run("x.example", 0, async () => "ok");
    await expect(failing).rejects.toThrow("boom");
    await expect(next).resolves.toBe("ok");
  });

  it("does not delay the first task for a host", async () => {
    const queue = createHostQueue();
    const started = Date.now();
    await queue.run("fresh.example", 5000, async () => undefined);
    expect(Date.now() - started).toBeLessThan(100);
  });
});

describe("fetchDocument politeness", () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(() => server.close());

  it("spaces concurrent fetches to one host by hostDelayMs", async () => {
    const hostQueue = createHostQueue();
    const options = { ...FAST, hostDelayMs: 150, hostQueue };
    server.clearRequests();
    await Promise.all(
      [P.page, P.gzip, P.br].map((path) =>
        fetchDocument({ url: server.url + path, fetcher: "http" }, options),
      ),
    );
    const times = server.requests.filter((r) => r.path !== P.robots).map((r) => r.at);
    expect(times).toHaveLength(3);
    for (let i = 1; i < times.length; i++) {
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(140);
    }
  });
});

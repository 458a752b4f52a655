import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ensureCorpus } from "../../bench/extract-corpus";
import { similarity } from "../../bench/extract-fidelity";
import { ScrapeError } from "../errors";
import { extractMarkdown, type Selectors } from "./index";

// Real captures from the benchmark corpus (Open Terms Archive demo snapshots, ODC-BY 1.0,
// Open Terms Archive Core Team and Open Terms Archive contributors), when it is available.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const available =
  existsSync(path.join(root, ".bench/ota-demo-snapshots/manifest.json")) ||
  existsSync(path.join(root, "../shared/bench/ota-demo-snapshots.tar.gz"));

type Entry = { id: string; html: string; expected?: string; select: Selectors; remove?: Selectors };

function load(ids: string[]) {
  const dir = ensureCorpus();
  const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as Entry[];
  return ids.map((id) => {
    const entry = manifest.find((e) => e.id === id);
    if (entry === undefined) throw new Error(`no capture ${id}`);
    const read = (file: string) => readFileSync(path.join(dir, file), "utf8");
    return {
      ...entry,
      content: read(entry.html),
      expectedText: entry.expected === undefined ? undefined : read(entry.expected),
    };
  });
}

// One capture of each kind of page: Brevo, Buffer (list of selectors), GitHub, Open Collective,
// Open Terms Archive, UptimeRobot, npm (range selector; list with remove).
const SAMPLE = ["00025", "00102", "00191", "00235", "00298", "00418", "00452", "00512", "00516"];

describe.skipIf(!available)("real captures", () => {
  it("extract byte-identically twice", () => {
    for (const c of load(SAMPLE)) {
      const rules = { select: c.select, remove: c.remove };
      const first = extractMarkdown(c.content, rules, { url: "https://example.com/terms" });
      const again = extractMarkdown(`${c.content}`, rules, { url: "https://example.com/terms" });
      expect(again, c.id).toBe(first);
      expect(first.length, c.id).toBeGreaterThan(1000);
    }
  });

  it("read like what Open Terms Archive recorded", () => {
    for (const c of load(SAMPLE)) {
      if (c.expectedText === undefined) continue;
      const markdown = extractMarkdown(c.content, { select: c.select, remove: c.remove });
      // Links are left relative here (no URL given): compare the prose only.
      const prose = (text: string) => text.replace(/\]\([^)]*\)/g, "]");
      expect(similarity(prose(markdown), prose(c.expectedText)), c.id).toBeGreaterThan(0.95);
    }
  });

  it("find Brevo's <main> past a broken <noscript> in its <head>", () => {
    const [brevo] = load(["00001"]);
    const markdown = extractMarkdown(brevo?.content ?? "", { select: "main" });
    expect(markdown).toMatch(/^# Privacy Policy/);
  });

  it("report the captures whose selectors no longer match", () => {
    for (const [id, message] of [
      ["00302", '".textcontent" matches nothing'],
      ["00503", "end comes before its start"],
      ["00509", 'end selector "#toc-heading"'],
    ] as const) {
      const [c] = load([id]);
      let caught: unknown;
      try {
        extractMarkdown(c?.content ?? "", { select: c?.select, remove: c?.remove });
      } catch (error) {
        caught = error;
      }
      expect(caught, id).toBeInstanceOf(ScrapeError);
      expect((caught as ScrapeError).code, id).toBe("selector_no_match");
      expect((caught as ScrapeError).message, id).toContain(message);
    }
  });
});

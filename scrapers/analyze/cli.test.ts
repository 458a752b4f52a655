import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BASE_EN, withParagraph } from "./testing";

const root = join(import.meta.dirname, "../..");
const tsx = join(root, "node_modules/.bin/tsx");
const cli = join(import.meta.dirname, "cli.ts");
const dir = mkdtempSync(join(tmpdir(), "analyze-cli-"));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const run = (...args: string[]) => spawnSync(tsx, [cli, ...args], { cwd: root, encoding: "utf8" });

const oldPath = file("old.md", BASE_EN);
const newPath = file(
  "2021-01-06.md",
  withParagraph(
    BASE_EN,
    "By tapping Agree, you accept that we share your phone number with the Facebook Companies from February 8, 2021.",
  ),
);

describe("analyze CLI", () => {
  it("--json prints exactly one object with the specified shape", () => {
    const r = run(oldPath, newPath, "--json");
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0] ?? "");
    expect(Object.keys(out).sort()).toEqual(["findings", "substantive"]);
    expect(out.substantive).toBe(true);
    for (const f of out.findings) {
      expect(
        Object.keys(f).every((k) =>
          ["kind", "category", "recipient", "date", "excerpt"].includes(k),
        ),
      ).toBe(true);
      expect(typeof f.excerpt).toBe("string");
    }
    expect(out.findings.map((f: { kind: string }) => f.kind).sort()).toEqual([
      "consent_deadline",
      "data_category_added",
      "recipient_added",
    ]);
    expect(out.findings.find((f: { kind: string }) => f.kind === "consent_deadline").date).toBe(
      "2021-02-08",
    );
    expect(
      out.findings.find((f: { kind: string }) => f.kind === "data_category_added").category,
    ).toBe("phone_number");
  });

  it("prints a readable report without --json", () => {
    const r = run(oldPath, newPath);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Substantive change: yes/);
    expect(r.stdout).toMatch(/recipient added: Facebook Companies/);
  });

  it("reads HTML", () => {
    const html = (body: string) =>
      `<!doctype html><html><head><style>p{}</style></head><body>${body}</body></html>`;
    const p = (t: string) => `<p>${t}</p>`;
    const paragraphs = BASE_EN.split("\n\n").map(p).join("");
    const a = file("old.html", html(paragraphs));
    const b = file(
      "new.html",
      html(
        `${paragraphs}${p("We collect the precise location of your device using GPS when you allow it.")}`,
      ),
    );
    const out = JSON.parse(run(a, b, "--json").stdout);
    expect(out.findings.map((f: { category?: string }) => f.category)).toEqual(["location"]);
  });

  it.each([
    ["a missing file", () => join(dir, "missing.md"), /no such file/],
    ["an empty file", () => file("empty.md", ""), /empty/],
    ["whitespace only", () => file("blank.md", " \n\n \t\n"), /empty/],
    ["NUL bytes", () => file("nul.md", Buffer.from([0x50, 0x00, 0x4b, 0x03, 0x04])), /binary/],
    [
      "invalid UTF-8",
      () => file("latin.md", Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe])),
      /UTF-8/,
    ],
    ["a directory", () => dir, /directory/],
  ])("refuses %s with a message on stderr and exit code 2", (_name, make, message) => {
    const r = run(make(), newPath, "--json");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
  });

  it("refuses a wrong number of arguments", () => {
    const r = run(oldPath);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage/);
  });
});

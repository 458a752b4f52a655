import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DeclarationError, formatDeclarationError, loadDeclarations } from "./load";
import { DEFAULT_SCHEDULE } from "./schema";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "termtrail-declarations-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const write = (name: string, content: unknown) =>
  writeFile(
    path.join(dir, name),
    typeof content === "string" ? content : JSON.stringify(content, null, 2),
  );

const good = {
  name: "Example",
  documents: { "Privacy Policy": { fetch: "https://example.com/privacy", select: "main" } },
};

/** The errors for one file, as { field, message } for readable assertions. */
const errorsFor = (errors: DeclarationError[], name: string) =>
  errors.filter((e) => path.basename(e.file) === name);

describe("loadDeclarations", () => {
  it("applies defaults", async () => {
    await write("example.json", good);
    await write("scripted.json", {
      name: "Scripted",
      parent: "Parent Co",
      documents: {
        "Terms of Service": { fetch: "https://example.org/tos", executeClientScripts: true },
      },
    });
    const { platforms, errors } = await loadDeclarations(dir);
    expect(errors).toEqual([]);
    expect(platforms).toEqual([
      {
        slug: "example",
        name: "Example",
        documents: [
          {
            type: "Privacy Policy",
            typeSlug: "privacy-policy",
            fetch: "https://example.com/privacy",
            select: ["main"],
            remove: [],
            executeClientScripts: false,
            fetcher: "http",
            locale: "en",
            schedule: DEFAULT_SCHEDULE,
            enabled: true,
          },
        ],
      },
      {
        slug: "scripted",
        name: "Scripted",
        parent: "Parent Co",
        documents: [
          {
            type: "Terms of Service",
            typeSlug: "terms-of-service",
            fetch: "https://example.org/tos",
            select: ["body"],
            remove: [],
            executeClientScripts: true,
            fetcher: "browser",
            locale: "en",
            schedule: DEFAULT_SCHEDULE,
            enabled: true,
          },
        ],
      },
    ]);
  });

  it("keeps explicit values, normalizes selectors to lists and canonicalizes the locale", async () => {
    await write("explicit.json", {
      name: "Explicit",
      documents: {
        "Data Use Notice": {
          fetch: "https://example.com/wp-json/wp/v2/pages/1",
          fetcher: "wp-json",
          locale: "fr-ca",
          schedule: "30  2 * * MON-FRI",
          enabled: false,
          remove: { startAfter: "h1", endBefore: "footer" },
        },
        "Developer Terms": {
          fetch: "https://example.com/dev",
          fetcher: "browser",
          select: ["article", { startBefore: "#terms", endAfter: ".last" }],
          remove: ".cookie-banner",
        },
      },
    });
    const { platforms, errors } = await loadDeclarations(dir);
    expect(errors).toEqual([]);
    const [notice, dev] = platforms[0]?.documents ?? [];
    expect(notice).toMatchObject({
      fetcher: "wp-json",
      executeClientScripts: false,
      locale: "fr-CA",
      schedule: "30 2 * * MON-FRI",
      enabled: false,
      select: ["body"],
      remove: [{ startAfter: "h1", endBefore: "footer" }],
    });
    expect(dev).toMatchObject({
      fetcher: "browser",
      executeClientScripts: true,
      select: ["article", { startBefore: "#terms", endAfter: ".last" }],
      remove: [".cookie-banner"],
    });
  });

  it("reports a non-JSON file with its file name, and still loads the others", async () => {
    await write("example.json", good);
    await write("broken.json", '{\n  "name": "Broken",\n  "documents": {,\n}');
    const { platforms, errors } = await loadDeclarations(dir);
    expect(platforms.map((p) => p.slug)).toEqual(["example"]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: path.join(dir, "broken.json"), field: "" });
    expect(errors[0]?.message).toMatch(/^not valid JSON/);
    expect(errors[0]?.message).toMatch(/line 3/);
    expect(formatDeclarationError(errors[0] as DeclarationError)).toMatch(
      /broken\.json: not valid JSON/,
    );
  });

  it("reports bad fields with their dotted path and loads the valid documents of the same file", async () => {
    await write("example.json", good);
    await write("mixed.json", {
      name: "Mixed",
      documents: {
        "Privacy Policy": { fetch: "ftp://example.com/privacy" },
        "Terms of Service": { fetch: "https://example.com/tos", schedule: "every day" },
        "Developer Terms": { fetch: "https://example.com/dev", select: 42 },
        "Commercial Terms": { fetch: "https://example.com/biz", fetcher: "curl" },
        "Community Guidelines": { fetch: "https://example.com/ok", select: "#content" },
      },
    });
    const { platforms, errors } = await loadDeclarations(dir);

    expect(platforms.map((p) => p.slug)).toEqual(["example", "mixed"]);
    const mixed = platforms.find((p) => p.slug === "mixed");
    expect(mixed?.documents.map((d) => d.type)).toEqual(["Community Guidelines"]);

    const byField = Object.fromEntries(
      errorsFor(errors, "mixed.json").map((e) => [e.field, e.message]),
    );
    expect(Object.keys(byField).sort()).toEqual([
      "documents.Commercial Terms.fetcher",
      "documents.Developer Terms.select",
      "documents.Privacy Policy.fetch",
      "documents.Terms of Service.schedule",
    ]);
    expect(byField["documents.Privacy Policy.fetch"]).toMatch(/http\(s\) URL/);
    expect(byField["documents.Terms of Service.schedule"]).toMatch(/5-field cron/);
    expect(byField["documents.Developer Terms.select"]).toMatch(/CSS selector/);
    expect(byField["documents.Commercial Terms.fetcher"]).toMatch(/"http", "browser", "wp-json"/);
  });

  it.each([
    ["not a URL", { fetch: "example.com/privacy" }, "documents.Privacy Policy.fetch"],
    ["missing fetch", { select: "main" }, "documents.Privacy Policy.fetch"],
    [
      "6-field cron",
      { fetch: "https://x.test/", schedule: "0 0 4 * * *" },
      "documents.Privacy Policy.schedule",
    ],
    [
      "out-of-range cron",
      { fetch: "https://x.test/", schedule: "0 24 * * *" },
      "documents.Privacy Policy.schedule",
    ],
    [
      "invalid CSS",
      { fetch: "https://x.test/", select: "div[" },
      "documents.Privacy Policy.select",
    ],
    [
      "empty selector list",
      { fetch: "https://x.test/", remove: [] },
      "documents.Privacy Policy.remove",
    ],
    [
      "bad item in a list",
      { fetch: "https://x.test/", remove: ["nav", 3] },
      "documents.Privacy Policy.remove.1",
    ],
    [
      "range without an end",
      { fetch: "https://x.test/", select: { startAfter: "h1" } },
      "documents.Privacy Policy.select",
    ],
    [
      "two starts in a range",
      { fetch: "https://x.test/", select: { startAfter: "h1", startBefore: "h2", endBefore: "p" } },
      "documents.Privacy Policy.select",
    ],
    [
      "unknown key in a range",
      { fetch: "https://x.test/", select: { start: "h1", endBefore: "p" } },
      "documents.Privacy Policy.select.start",
    ],
    [
      "bad locale",
      { fetch: "https://x.test/", locale: "english please" },
      "documents.Privacy Policy.locale",
    ],
    [
      "misspelled field",
      { fetch: "https://x.test/", excuteClientScripts: true },
      "documents.Privacy Policy.excuteClientScripts",
    ],
    [
      "scripts with the http fetcher",
      { fetch: "https://x.test/", executeClientScripts: true, fetcher: "http" },
      "documents.Privacy Policy.fetcher",
    ],
    [
      "browser with scripts off",
      { fetch: "https://x.test/", executeClientScripts: false, fetcher: "browser" },
      "documents.Privacy Policy.executeClientScripts",
    ],
    [
      "wp-json on a non-REST URL",
      { fetch: "https://x.test/privacy", fetcher: "wp-json" },
      "documents.Privacy Policy.fetch",
    ],
    [
      "enabled not a boolean",
      { fetch: "https://x.test/", enabled: "yes" },
      "documents.Privacy Policy.enabled",
    ],
    ["document not an object", "https://x.test/", "documents.Privacy Policy"],
  ])("reports %s at its field", async (_label, document, field) => {
    await write("example.json", good);
    await write("bad.json", { name: "Bad", documents: { "Privacy Policy": document } });
    const { platforms, errors } = await loadDeclarations(dir);
    expect(platforms.map((p) => p.slug)).toEqual(["example"]);
    expect(errors.map((e) => ({ file: path.basename(e.file), field: e.field }))).toContainEqual({
      file: "bad.json",
      field,
    });
    expect(errors.every((e) => path.basename(e.file) === "bad.json" && e.message)).toBe(true);
  });

  it("reports a bad URL once, without crashing the cross-field checks", async () => {
    await write("bad.json", {
      name: "Bad",
      documents: {
        "Privacy Policy": { fetch: "notaurl", fetcher: "wp-json" },
        "Terms of Service": { fetch: 3, fetcher: "wp-json" },
      },
    });
    const { errors } = await loadDeclarations(dir);
    expect(errors.map((e) => e.field)).toEqual([
      "documents.Privacy Policy.fetch",
      "documents.Terms of Service.fetch",
    ]);
  });

  it.each([
    ["a missing name", { documents: good.documents }, "name"],
    ["a non-string parent", { ...good, parent: 1 }, "parent"],
    ["no documents", { name: "Empty", documents: {} }, "documents"],
    ["an unknown top-level key", { ...good, service: "x" }, "service"],
    ["an array instead of an object", [good], ""],
  ])("rejects a file with %s", async (_label, content, field) => {
    await write("example.json", good);
    await write("other.json", content);
    const { platforms, errors } = await loadDeclarations(dir);
    expect(platforms.map((p) => p.slug)).toEqual(["example"]);
    expect(errorsFor(errors, "other.json").map((e) => e.field)).toContain(field);
  });

  it("reports an unknown document type and keeps the known ones", async () => {
    await write("typo.json", {
      name: "Typo",
      documents: {
        "Privacy Polcy": { fetch: "https://x.test/privacy" },
        "Terms of Service": { fetch: "https://x.test/tos" },
      },
    });
    const { platforms, errors } = await loadDeclarations(dir);
    expect(platforms[0]?.documents.map((d) => d.typeSlug)).toEqual(["terms-of-service"]);
    expect(errors).toEqual([
      expect.objectContaining({
        field: "documents.Privacy Polcy",
        message: expect.stringMatching(/unknown document type/),
      }),
    ]);
  });

  it("rejects file names that are not slugs and duplicate platform names", async () => {
    await write("example.json", good);
    await write("Not A Slug.json", { ...good, name: "Other" });
    await write("example-copy.json", good);
    await write("notes.txt", "ignored");
    await write(".hidden.json", "ignored too");
    const { platforms, errors } = await loadDeclarations(dir);
    expect(platforms.map((p) => p.slug)).toEqual(["example"]);
    expect(errors.map((e) => [path.basename(e.file), e.field])).toEqual([
      ["Not A Slug.json", ""],
      ["example-copy.json", "name"],
    ]);
  });

  it("sorts platforms by slug", async () => {
    await write("b.json", { ...good, name: "B" });
    await write("b-eea.json", { ...good, name: "B EEA" });
    await write("a.json", { ...good, name: "A" });
    const { platforms } = await loadDeclarations(dir);
    expect(platforms.map((p) => p.slug)).toEqual(["a", "b", "b-eea"]);
  });

  it("throws when the directory cannot be read", async () => {
    await expect(loadDeclarations(path.join(dir, "missing"))).rejects.toThrow(
      /Cannot read the declarations directory/,
    );
  });
});

describe("formatDeclarationError", () => {
  it("puts file, field and message on one line", () => {
    expect(
      formatDeclarationError({
        file: "whatsapp.json",
        field: "documents.Privacy Policy.fetch",
        message: "must be an absolute http(s) URL",
      }),
    ).toBe("whatsapp.json: documents.Privacy Policy.fetch: must be an absolute http(s) URL");
    expect(formatDeclarationError({ file: "x.json", field: "", message: "not valid JSON" })).toBe(
      "x.json: not valid JSON",
    );
  });
});

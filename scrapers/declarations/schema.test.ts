import { describe, expect, it } from "vitest";
import {
  cronProblem,
  DOCUMENT_TYPES,
  declarationSchema,
  documentTypeFromSlug,
  documentTypeSlug,
  selectorSchema,
} from "./schema";

describe("document types", () => {
  it("have unique names and kebab-case slugs that round-trip", () => {
    expect(new Set(DOCUMENT_TYPES.map((t) => t.type)).size).toBe(DOCUMENT_TYPES.length);
    expect(new Set(DOCUMENT_TYPES.map((t) => t.slug)).size).toBe(DOCUMENT_TYPES.length);
    for (const { type, slug } of DOCUMENT_TYPES) {
      expect(slug).toBe(type.toLowerCase().replaceAll(" ", "-"));
      expect(documentTypeSlug(type)).toBe(slug);
      expect(documentTypeFromSlug(slug)).toBe(type);
    }
    expect(documentTypeSlug("Privacy Polcy")).toBeUndefined();
  });
});

describe("cronProblem", () => {
  it.each([
    "0 4 * * *",
    "*/15 * * * *",
    "0 0 1,15 * *",
    "30 2 * JAN-MAR mon-fri",
    "0 0 * * 7",
    "5-10/2 0-23 1-31 1-12 0-6",
  ])("accepts %s", (expression) => {
    expect(cronProblem(expression)).toBeUndefined();
  });

  it.each([
    "",
    "@daily",
    "0 0 4 * * *",
    "60 * * * *",
    "* 24 * * *",
    "* * 0 * *",
    "* * * 13 *",
    "* * * * 8",
    "10-5 * * * *",
    "*/0 * * * *",
    "* * * * FOO",
  ])("rejects %j", (expression) => {
    expect(cronProblem(expression)).toBeDefined();
  });
});

describe("selectorSchema", () => {
  it("accepts a string, a range, and a list of both", () => {
    for (const value of [
      "main",
      { startAfter: "h1", endBefore: "footer" },
      ["article", { startBefore: "#a", endAfter: "#b" }],
    ]) {
      expect(selectorSchema.safeParse(value).success).toBe(true);
    }
  });

  it("rejects other shapes with a message naming the accepted forms", () => {
    const result = selectorSchema.safeParse(42);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/CSS selector string or a range object/);
  });
});

describe("declarationSchema", () => {
  it("types a whole file and rejects unknown document types", () => {
    const ok = declarationSchema.safeParse({
      name: "X",
      documents: { "Privacy Policy": { fetch: "https://x.test/" } },
    });
    expect(ok.success).toBe(true);
    const bad = declarationSchema.safeParse({
      name: "X",
      documents: { Manifesto: { fetch: "https://x.test/" } },
    });
    expect(bad.success).toBe(false);
  });
});

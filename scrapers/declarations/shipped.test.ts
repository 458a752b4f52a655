/** The declarations Termtrail ships: every one validates, and they cover the seed platforms. */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DECLARATIONS_DIR, formatDeclarationError, loadDeclarations } from "./load";

describe("shipped declarations", () => {
  it("all validate, with no errors", async () => {
    const { platforms, errors } = await loadDeclarations(DEFAULT_DECLARATIONS_DIR);
    expect(errors.map(formatDeclarationError)).toEqual([]);
    const files = (await readdir(DEFAULT_DECLARATIONS_DIR)).filter((f) => f.endsWith(".json"));
    expect(platforms.map((p) => `${p.slug}.json`).sort()).toEqual(files.sort());
  });

  it("cover the seed platforms and documents", async () => {
    const { platforms } = await loadDeclarations(DEFAULT_DECLARATIONS_DIR);
    const bySlug = new Map(platforms.map((p) => [p.slug, p]));
    const types = (slug: string) => bySlug.get(slug)?.documents.map((d) => d.typeSlug);

    expect(types("whatsapp")).toEqual(["privacy-policy", "terms-of-service"]);
    expect(types("facebook")).toContain("privacy-policy");
    expect(types("instagram")).toEqual(["privacy-policy", "terms-of-service"]);
    expect(types("amazon")).toContain("privacy-policy");
    expect(types("alexa")).toEqual(["terms-of-service", "developer-terms"]);
    expect(types("spotify")).toEqual(["privacy-policy", "terms-of-service", "developer-terms"]);
    expect(types("sony-music")).toEqual(["data-use-notice"]);
    expect(types("ecobee")).toEqual(["privacy-policy"]);

    for (const slug of ["whatsapp", "facebook", "instagram"]) {
      expect(bySlug.get(slug)?.parent).toBe("Meta");
    }
    expect(bySlug.get("alexa")?.parent).toBe("Amazon");

    const sony = bySlug.get("sony-music")?.documents[0];
    expect(sony).toMatchObject({
      type: "Data Use Notice",
      fetch: "https://www.sonymusic.com/wp-json/wp/v2/pages/3811",
      fetcher: "wp-json",
      executeClientScripts: false,
    });
    expect(bySlug.get("facebook")?.documents[0]).toMatchObject({
      fetch: "https://www.facebook.com/privacy/policy/",
      fetcher: "browser",
      executeClientScripts: true,
    });
    expect(bySlug.get("amazon")?.documents[0]?.fetch).toBe(
      "https://www.amazon.com/gp/help/customer/display.html?nodeId=GX7NJQ4ZB8MHFRNJ",
    );
  });

  it("DEFAULT_DECLARATIONS_DIR is this folder, absolute", () => {
    expect(path.isAbsolute(DEFAULT_DECLARATIONS_DIR)).toBe(true);
    expect(DEFAULT_DECLARATIONS_DIR).toBe(path.resolve(import.meta.dirname));
  });
});

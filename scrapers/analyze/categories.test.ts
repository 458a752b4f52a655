import { describe, expect, it } from "vitest";
import { analyzeChange } from "./index";
import { BASE_EN, BASE_FR, REF, withParagraph } from "./testing";

const added = (oldText: string, newText: string, language?: "en" | "fr") =>
  analyzeChange(oldText, newText, { ...REF, language }).findings.filter(
    (f) => f.kind === "data_category_added",
  );

describe("data categories, English", () => {
  const newText = withParagraph(
    BASE_EN,
    "With your permission, we collect the precise location of your device (using GPS) and access your camera roll to let you choose pictures to share.",
  );

  it("finds categories a new sentence collects and the old text never mentioned", () => {
    const findings = added(BASE_EN, newText, "en");
    expect(findings.map((f) => f.category).sort()).toEqual(["location", "photos_media"]);
    for (const f of findings) expect(newText).toContain(f.excerpt);
  });

  it("reports removals with the passage from the old text", () => {
    const findings = analyzeChange(newText, BASE_EN, REF).findings;
    expect(findings.map((f) => [f.kind, f.category])).toContainEqual([
      "data_category_removed",
      "location",
    ]);
    for (const f of findings) expect(newText).toContain(f.excerpt);
  });

  it("ignores a category the old text already mentions, even elsewhere", () => {
    const old = withParagraph(
      BASE_EN,
      "You can turn off location services in your phone settings at any time you like.",
    );
    expect(added(old, newText, "en").map((f) => f.category)).toEqual(["photos_media"]);
  });

  it("ignores denials, content licences and other senses of a word", () => {
    const text = withParagraph(
      BASE_EN,
      [
        "We do not collect the precise location of your device or any health information about you.",
        "You grant us a royalty-free licence to use the photos you post on the service for any purpose.",
        "If you have questions about this policy, contact us by email at the address on our website.",
      ].join(" "),
    );
    expect(added(BASE_EN, text, "en")).toEqual([]);
  });

  it("keeps a denial that has an exception: it announces collection with permission", () => {
    const text = withParagraph(
      BASE_EN,
      "We will never scan or import your contacts unless you ask us to, in order to find friends.",
    );
    expect(added(BASE_EN, text, "en").map((f) => f.category)).toEqual(["contacts"]);
  });
});

describe("data categories, French", () => {
  const newText = withParagraph(
    BASE_FR,
    "Avec votre autorisation, nous recueillons votre géolocalisation et accédons à votre appareil photo pour vous permettre de partager des images.",
  );

  it("finds categories added in French", () => {
    const findings = added(BASE_FR, newText, "fr");
    expect(findings.map((f) => f.category).sort()).toEqual(["location", "photos_media"]);
    for (const f of findings) expect(newText).toContain(f.excerpt);
  });

  it("detects the language when it is not given", () => {
    expect(
      added(BASE_FR, newText)
        .map((f) => f.category)
        .sort(),
    ).toEqual(["location", "photos_media"]);
  });

  it("ignores French denials", () => {
    const text = withParagraph(
      BASE_FR,
      "Nous ne collectons jamais vos données de santé ni votre géolocalisation précise, quelle que soit la situation.",
    );
    expect(added(BASE_FR, text, "fr")).toEqual([]);
  });

  it("reports removals in French", () => {
    const findings = analyzeChange(newText, BASE_FR, { ...REF, language: "fr" }).findings;
    expect(
      findings
        .filter((f) => f.kind === "data_category_removed")
        .map((f) => f.category)
        .sort(),
    ).toEqual(["location", "photos_media"]);
  });
});

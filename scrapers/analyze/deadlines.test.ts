import { describe, expect, it } from "vitest";
import { analyzeChange } from "./index";
import { BASE_EN, BASE_FR, withParagraph } from "./testing";

const deadlines = (base: string, paragraph: string, date: string, language?: "en" | "fr") => {
  const newText = withParagraph(base, paragraph);
  const findings = analyzeChange(base, newText, {
    referenceDate: new Date(`${date}T12:00:00Z`),
    language,
  }).findings.filter((f) => f.kind === "consent_deadline");
  for (const f of findings) expect(newText).toContain(f.excerpt);
  return findings.map((f) => f.date);
};

describe("consent deadlines, English", () => {
  it("finds an acceptance deadline", () => {
    expect(
      deadlines(
        BASE_EN,
        "By tapping Agree, you accept the new terms and privacy policy, which take effect on February 8, 2021.",
        "2021-01-06",
      ),
    ).toEqual(["2021-02-08"]);
  });

  it("reads a date without a year against the version's date", () => {
    expect(
      deadlines(
        BASE_EN,
        "You must accept these updates by 8 February to keep using the app.",
        "2021-01-06",
      ),
    ).toEqual(["2021-02-08"]);
  });

  it("takes the acceptance wording from the next sentence of the same paragraph", () => {
    expect(
      deadlines(
        BASE_EN,
        "These updates will take effect on May 15, 2021. After this date, you will need to accept them to continue using the app.",
        "2021-04-29",
      ),
    ).toEqual(["2021-05-15"]);
  });

  it("ignores effective and last-updated dates without acceptance wording", () => {
    expect(
      deadlines(
        BASE_EN,
        "Last updated: January 4, 2021. An update to our Terms of Service will be effective on 26 July 2022.",
        "2022-05-16",
      ),
    ).toEqual([]);
  });

  it("ignores relative expressions that are not calendar dates", () => {
    expect(
      deadlines(
        BASE_EN,
        "Acceptance of this policy does not mean we will ask you for permission one day.",
        "2015-09-10",
      ),
    ).toEqual([]);
  });
});

describe("consent deadlines, French", () => {
  it("finds 'vous devez accepter avant le …'", () => {
    expect(
      deadlines(
        BASE_FR,
        "Vous devez accepter les nouvelles conditions avant le 8 février, sans quoi vous ne pourrez plus utiliser l'application.",
        "2021-01-10",
        "fr",
      ),
    ).toEqual(["2021-02-08"]);
  });

  it("ignores a plain French effective date", () => {
    expect(
      deadlines(
        BASE_FR,
        "Nous mettons à jour nos conditions. Ces mises à jour prendront effet le 1er janvier 2025.",
        "2024-10-23",
        "fr",
      ),
    ).toEqual([]);
  });
});

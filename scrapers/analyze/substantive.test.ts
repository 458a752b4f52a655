import { describe, expect, it } from "vitest";
import { explainChange } from "./index";
import { BASE_EN, BASE_FR, REF, withParagraph } from "./testing";

const verdict = (oldText: string, newText: string, history?: string[]) =>
  explainChange(oldText, newText, { ...REF, history });

const LONG_EN = withParagraph(
  BASE_EN,
  [
    "We share information with service providers who help us operate the service, under contracts that protect it.",
    "You can ask for a copy of your data or ask us to delete it by writing to our privacy team.",
    "We may change this policy and will tell you about material changes before they apply.",
  ].join("\n\n"),
);

describe("substantive, English", () => {
  it("a new obligation is substantive", () => {
    const r = verdict(
      LONG_EN,
      withParagraph(
        LONG_EN,
        "You must verify your identity with a government ID before using paid features.",
      ),
    );
    expect(r.substantive).toBe(true);
  });

  it("Markdown, link targets and spacing are not", () => {
    const reformatted = LONG_EN.replace("Privacy Policy", "# **Privacy Policy**")
      .replace("service providers", "[service providers](https://example.com/providers)")
      .replace(/ {1}/g, "  ");
    expect(verdict(LONG_EN, reformatted)).toMatchObject({ substantive: false, findings: [] });
  });

  it("moving paragraphs around is not", () => {
    const paragraphs = LONG_EN.split("\n\n");
    expect(verdict(LONG_EN, [...paragraphs].reverse().join("\n\n")).substantive).toBe(false);
  });

  it("navigation, a new date line and a typo fix are not", () => {
    const edited = withParagraph(
      LONG_EN.replace("privacy team", "privacy teem"),
      "Last updated: March 3, 2024\n\n[Home](/) [Help](/help) [Privacy](/privacy)",
    );
    expect(verdict(withParagraph(LONG_EN, "Last updated: May 1, 2023"), edited).substantive).toBe(
      false,
    );
  });

  it("an error page or a menu captured instead of the document is not", () => {
    const errorPage = "We're Sorry.\n\nWe can't find the page you were trying to reach.";
    const long = withParagraph(LONG_EN, LONG_EN.repeat(8));
    expect(verdict(long, errorPage).substantive).toBe(false);
    expect(verdict(errorPage, long).substantive).toBe(false);
  });

  it("a text returning to an earlier version is variant flapping, given the history", () => {
    const variant = withParagraph(
      LONG_EN,
      "This service is provided to you by Example Ireland Limited, a company registered in Dublin.",
    );
    expect(verdict(variant, LONG_EN, [LONG_EN]).substantive).toBe(false);
    expect(verdict(variant, LONG_EN).substantive).toBe(true);
  });
});

describe("substantive, French", () => {
  const LONG_FR = withParagraph(
    BASE_FR,
    "Nous partageons des informations avec des prestataires qui nous aident à faire fonctionner le service, sous contrat.\n\nVous pouvez demander une copie de vos données ou leur suppression en écrivant à notre équipe.",
  );

  it("a new French clause is substantive", () => {
    expect(
      verdict(
        LONG_FR,
        withParagraph(
          LONG_FR,
          "Vous devez vérifier votre identité avec une pièce officielle avant d'utiliser les fonctions payantes.",
        ),
      ).substantive,
    ).toBe(true);
  });

  it("the same page captured in another language is not", () => {
    expect(verdict(LONG_EN.repeat(4), LONG_FR.repeat(4)).substantive).toBe(false);
  });

  it("a change of share capital is not", () => {
    const a = withParagraph(
      LONG_FR,
      "Deezer SA, société anonyme au capital de 284 709,88 euros, inscrite au RCS de Paris.",
    );
    const b = withParagraph(
      LONG_FR,
      "Deezer SA, société anonyme au capital de 289 942,45 euros, inscrite au RCS de Paris.",
    );
    expect(verdict(a, b).substantive).toBe(false);
  });
});

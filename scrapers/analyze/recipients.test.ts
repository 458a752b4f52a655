import { describe, expect, it } from "vitest";
import { analyzeChange } from "./index";
import { BASE_EN, BASE_FR, REF, withParagraph } from "./testing";

const recipients = (oldText: string, newText: string, kind = "recipient_added") =>
  analyzeChange(oldText, newText, REF)
    .findings.filter((f) => f.kind === kind)
    .map((f) => f.recipient);

describe("recipients, English", () => {
  const newText = withParagraph(
    BASE_EN,
    "We share information about your use of the service with advertising partners and with the other Facebook Companies. If you sign up through a mobile provider, we share some information with them to enable your account.",
  );

  it("finds recipients newly named as receiving data, quoted as written", () => {
    expect(recipients(BASE_EN, newText).sort()).toEqual([
      "Facebook Companies",
      "advertising partners",
      "mobile provider",
    ]);
  });

  it("reports a recipient that disappears", () => {
    expect(recipients(newText, BASE_EN, "recipient_removed")).toContain("advertising partners");
  });

  it("does not count a source of data or a recipient the old text already named", () => {
    const old = withParagraph(
      BASE_EN,
      "Some features are offered together with our advertising partners, who are listed on our website.",
    );
    const text = withParagraph(
      old,
      "We receive information about you from advertisers when you click on their ads on other websites.",
    );
    expect(recipients(old, text)).toEqual([]);
  });

  it("every excerpt is a passage of the new text", () => {
    for (const f of analyzeChange(BASE_EN, newText, REF).findings)
      expect(newText).toContain(f.excerpt);
  });
});

describe("recipients, French", () => {
  const newText = withParagraph(
    BASE_FR,
    "Nous partageons des informations sur votre utilisation du service avec nos partenaires publicitaires et avec les autres entités Meta. Nous transmettons certaines données aux ayants droit des contenus que vous écoutez.",
  );

  it("finds recipients added in French", () => {
    expect(recipients(BASE_FR, newText).sort()).toEqual([
      "ayants droit",
      "entités Meta",
      "partenaires publicitaires",
    ]);
  });

  it("reports French recipients removed", () => {
    expect(recipients(newText, BASE_FR, "recipient_removed")).toContain(
      "partenaires publicitaires",
    );
  });
});

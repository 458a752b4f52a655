/** The real pairs the issue names, read from the shared corpus (tests may read ../shared). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeChange } from "./index";

const corpus = join(import.meta.dirname, "../../../shared/corpus");
const read = (path: string) => readFileSync(join(corpus, path), "utf8");
const at = (date: string) => ({ referenceDate: new Date(`${date}T12:00:00Z`) });

function check(oldPath: string, newPath: string, date: string) {
  const oldText = read(oldPath);
  const newText = read(newPath);
  const result = analyzeChange(oldText, newText, at(date));
  for (const f of result.findings)
    expect(f.kind.endsWith("_removed") ? oldText : newText).toContain(f.excerpt);
  return result;
}

describe("real pairs", () => {
  it("Spotify privacy policy 2015-05-15 → 2015-09-10: contacts, photos, location and sensors added", () => {
    const dir = "spotify/privacy-policy--tosback-versions";
    const result = check(`${dir}/2015-05-15.md`, `${dir}/2015-09-10.md`, "2015-09-10");
    expect(result.substantive).toBe(true);
    const added = result.findings
      .filter((f) => f.kind === "data_category_added")
      .map((f) => f.category);
    expect(added).toEqual(
      expect.arrayContaining(["contacts", "photos_media", "location", "sensors"]),
    );
    const recipients = result.findings
      .filter((f) => f.kind === "recipient_added")
      .map((f) => f.recipient);
    expect(recipients).toEqual(expect.arrayContaining(["advertising partners", "mobile provider"]));
    expect(result.findings.filter((f) => f.kind === "consent_deadline")).toEqual([]);
  });

  it("WhatsApp legal page, August 2016: sharing with Facebook added", () => {
    const dir = "whatsapp/legal-page-terms-and-privacy--tosback-versions";
    const result = check(`${dir}/2013-06-19.md`, `${dir}/2016-08-29.md`, "2016-08-29");
    const facebook = result.findings.filter(
      (f) => f.kind === "recipient_added" && /facebook/i.test(f.recipient ?? ""),
    );
    expect(facebook).toHaveLength(1);
    expect(facebook[0]?.excerpt).toMatch(/Facebook/);
  });

  it("Spotify terms 2023-03-24: the acceptance deadline of April 23, 2023", () => {
    const dir = "spotify/terms--contrib-versions";
    const result = check(`${dir}/2023-02-06.md`, `${dir}/2023-03-24.md`, "2023-03-24");
    expect(result.findings.filter((f) => f.kind === "consent_deadline").map((f) => f.date)).toEqual(
      ["2023-04-23"],
    );
  });

  it("a French policy adding face recognition (Facebook, 2024-10-10 → 2025-02-18)", () => {
    const dir = "facebook/privacy-policy--contrib-versions";
    const result = check(`${dir}/2024-10-10.md`, `${dir}/2025-02-18.md`, "2025-02-18");
    expect(result.findings.map((f) => [f.kind, f.category ?? f.recipient ?? f.date])).toEqual([
      ["data_category_added", "biometric"],
    ]);
  });

  it("a re-extraction the manifest flags is not substantive", () => {
    const dir = "whatsapp/privacy-policy-eea--contrib-versions";
    expect(check(`${dir}/2022-02-07.md`, `${dir}/2022-09-20.md`, "2022-09-20")).toEqual({
      substantive: false,
      findings: [],
    });
  });
});

import { describe, expect, it } from "vitest";
import { diffVersions } from "./diff";

describe("diffVersions", () => {
  it("reports added and removed paragraphs with word counts", () => {
    const before = "# Policy\n\nWe collect your email.\n\nWe share nothing.";
    const after = "# Policy\n\nWe collect your email.\n\nWe collect your contacts and photos.\n";
    const summary = diffVersions(before, after);
    expect(summary.passages).toEqual([
      { type: "removed", text: "We share nothing." },
      { type: "added", text: "We collect your contacts and photos." },
    ]);
    expect(summary).toMatchObject({
      addedPassages: 1,
      removedPassages: 1,
      addedWords: 6,
      removedWords: 3,
    });
  });

  it("ignores blank-line and indentation differences", () => {
    expect(diffVersions("a\n\n\nb", "  a\nb  ").passages).toEqual([]);
  });
});

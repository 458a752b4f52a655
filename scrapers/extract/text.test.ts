import { describe, expect, it } from "vitest";
import { hashText, normaliseText } from "./index";

describe("normaliseText", () => {
  it("ignores differences nobody can see", () => {
    const a = "# Terms\r\n\r\n\r\nWe  keep\u00a0data\u200b.  \n\n\n- item\t\n";
    const b = "\n# Terms\n\nWe keep data.\n\n- item";
    expect(normaliseText(a)).toBe("# Terms\n\nWe keep data.\n\n- item\n");
    expect(normaliseText(b)).toBe(normaliseText(a));
  });

  it("unifies Unicode composition", () => {
    expect(normaliseText("Re\u0301sume\u0301")).toBe(normaliseText("Résumé"));
  });

  it("keeps what a reader could notice", () => {
    expect(normaliseText("It’s — “quoted”")).toBe("It’s — “quoted”\n");
    expect(normaliseText("**must**")).not.toBe(normaliseText("must"));
    expect(normaliseText("Data")).not.toBe(normaliseText("data"));
    expect(normaliseText("a\nb")).not.toBe(normaliseText("a b"));
  });

  it("is idempotent, and empty stays empty", () => {
    const once = normaliseText(" x \r\n\r\n\r\n y ");
    expect(normaliseText(once)).toBe(once);
    expect(normaliseText(" \n\t\n")).toBe("");
  });
});

describe("hashText", () => {
  it("is the SHA-256 hex of the normalised text", () => {
    // sha256("abc\n")
    expect(hashText("abc")).toBe(
      "edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb",
    );
  });

  it("gives the same hash for invisible differences only", () => {
    expect(hashText("We keep data.\r\n")).toBe(hashText("We  keep\u00a0data. \n\n"));
    expect(hashText(normaliseText("x  y"))).toBe(hashText("x y"));
    expect(hashText("We keep data.")).not.toBe(hashText("We keep your data."));
  });
});

import { describe, expect, it } from "vitest";
import { detectLanguage, normalize, splitSentences } from "./text";

describe("splitSentences", () => {
  const doc = [
    "# Privacy Policy",
    "",
    "We collect your e.g. name and [email address](https://example.com/a). We share it with Acme Inc. in the U.S. when needed!",
    "",
    "* Your contacts: we never upload them.",
    "| Data | Purpose |",
    "Nous collectons vos données. Vous pouvez refuser.",
  ].join("\n");
  const sentences = splitSentences(doc);

  it("keeps every sentence as an exact slice of the input", () => {
    for (const s of sentences) expect(doc.slice(s.start, s.end)).toBe(s.text);
  });

  it("splits on sentence ends but not on abbreviations", () => {
    expect(sentences.map((s) => s.text)).toEqual([
      "Privacy Policy",
      "We collect your e.g. name and [email address](https://example.com/a).",
      "We share it with Acme Inc. in the U.S. when needed!",
      "Your contacts: we never upload them.",
      "Data",
      "Purpose",
      "Nous collectons vos données.",
      "Vous pouvez refuser.",
    ]);
  });

  it("joins a hard-wrapped paragraph", () => {
    const wrapped =
      "This information is limited to your name, email and IP address at the time you\nsend a media file to us. Other information is not collected.";
    expect(splitSentences(wrapped).map((s) => s.key)).toEqual([
      "this information is limited to your name, email and ip address at the time you send a media file to us.",
      "other information is not collected.",
    ]);
  });
});

describe("normalize", () => {
  it("drops Markdown, link targets, entities and case", () => {
    expect(
      normalize("**We** share it with [Facebook Companies](https://x.y/z) &amp; “partners”"),
    ).toBe('we share it with facebook companies & "partners"');
  });
});

describe("detectLanguage", () => {
  it("tells English from French", () => {
    expect(detectLanguage("We collect the data you give us and we use it for the service.")).toBe(
      "en",
    );
    expect(
      detectLanguage(
        "Nous collectons les données que vous nous donnez et nous les utilisons pour le service.",
      ),
    ).toBe("fr");
  });
});

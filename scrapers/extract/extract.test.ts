import { describe, expect, it } from "vitest";
import { ScrapeError } from "../errors";
import { extractMarkdown } from "./index";

const page = `<!doctype html>
<html><head><title>Terms</title><style>p { color: red }</style></head>
<body>
  <nav id="menu"><a href="/">Home</a> <a href="/blog">Blog</a></nav>
  <main>
    <h1 id="title">Terms of Service</h1>
    <p class="intro">Welcome to Example.</p>
    <section id="s1"><h2>1. Accounts</h2><p>Keep your password safe.</p></section>
    <div class="ad">Buy now!</div>
    <section id="s2"><h2>2. Content</h2><p>You own your content.</p></section>
    <h2 id="toc">Contents</h2>
    <p>Table of contents here.</p>
  </main>
  <footer>© Example</footer>
  <script>track()</script>
</body></html>`;

/** The ScrapeError that `run` throws (fails the test if it does not throw one). */
function errorOf(run: () => unknown): ScrapeError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ScrapeError);
    return error as ScrapeError;
  }
  throw new Error("expected a ScrapeError, got a result");
}

describe("select", () => {
  it("defaults to the whole body, without scripts or styles", () => {
    const md = extractMarkdown(page, {});
    expect(md).toContain("Home");
    expect(md).toContain("# Terms of Service");
    expect(md).toContain("© Example");
    expect(md).not.toContain("track()");
    expect(md).not.toContain("color: red");
    expect(md).not.toContain("Terms\n"); // the <title> is not content
  });

  it("keeps what one CSS selector matches", () => {
    expect(extractMarkdown(page, { select: "#s1" })).toBe(
      "## 1. Accounts\n\nKeep your password safe.\n",
    );
  });

  it("keeps what a list of selectors matches, in the list's order", () => {
    expect(extractMarkdown(page, { select: ["#s2", "#s1"] })).toBe(
      "## 2. Content\n\nYou own your content.\n\n## 1. Accounts\n\nKeep your password safe.\n",
    );
  });

  it("keeps an element once when several selectors, or nested matches, reach it", () => {
    const md = extractMarkdown(page, { select: ["main", "#s1", "section"] });
    expect(md.match(/Keep your password safe/g)).toHaveLength(1);
    const nested = "<div class=c><p>outer</p><div class=c><p>inner</p></div></div>";
    expect(extractMarkdown(nested, { select: ".c" })).toBe("outer\n\ninner\n");
  });

  it("is satisfied when at least one selector of a list matches", () => {
    expect(extractMarkdown(page, { select: ["#gone", "#s1"] })).toContain("Accounts");
  });

  it("keeps a range, markers included or excluded as asked", () => {
    expect(extractMarkdown(page, { select: { startBefore: "#s1", endBefore: "#toc" } })).toBe(
      "## 1. Accounts\n\nKeep your password safe.\n\nBuy now!\n\n## 2. Content\n\nYou own your content.\n",
    );
    expect(extractMarkdown(page, { select: { startAfter: "#s1", endAfter: "#s2" } })).toBe(
      "Buy now!\n\n## 2. Content\n\nYou own your content.\n",
    );
  });

  it("keeps a range whose markers sit at different depths", () => {
    const html =
      "<div><p>before</p><h2 id=a>Start</h2><p>one</p></div><p>two</p><div><p id=b>end</p><p>after</p></div>";
    expect(extractMarkdown(html, { select: { startBefore: "#a", endAfter: "#b" } })).toBe(
      "## Start\n\none\n\ntwo\n\nend\n",
    );
  });

  it("mixes ranges and selectors in one list", () => {
    const md = extractMarkdown(page, {
      select: [{ startBefore: "#title", endBefore: "#s1" }, "#s2"],
    });
    expect(md).toBe(
      "# Terms of Service\n\nWelcome to Example.\n\n## 2. Content\n\nYou own your content.\n",
    );
  });
});

describe("remove", () => {
  it("drops what one selector matches", () => {
    const md = extractMarkdown(page, { select: "main", remove: ".ad" });
    expect(md).not.toContain("Buy now!");
    expect(md).toContain("Keep your password safe.");
  });

  it("drops what a list of selectors matches", () => {
    const md = extractMarkdown(page, { remove: ["nav", "footer", ".ad"] });
    expect(md).not.toMatch(/Home|Blog|© Example|Buy now/);
    expect(md).toContain("You own your content.");
  });

  it("drops a range, and applies before select", () => {
    const md = extractMarkdown(page, {
      select: "main",
      remove: [
        { startBefore: "#toc", endAfter: "#toc + p" },
        { startAfter: "#s1", endBefore: "#s2" },
      ],
    });
    expect(md).toBe(
      "# Terms of Service\n\nWelcome to Example.\n\n## 1. Accounts\n\nKeep your password safe.\n\n## 2. Content\n\nYou own your content.\n",
    );
  });

  it("ignores a remove selector that matches nothing", () => {
    expect(extractMarkdown(page, { select: "#s1", remove: ".nothing" })).toContain("Accounts");
  });
});

describe("extraction errors", () => {
  it("reports a select selector that matches nothing, naming it", () => {
    const error = errorOf(() => extractMarkdown(page, { select: "#article-contents" }));
    expect(error.errorClass).toBe("extraction");
    expect(error.code).toBe("selector_no_match");
    expect(error.message).toContain('"#article-contents"');
  });

  it("reports a list in which no selector matches, naming them all", () => {
    const error = errorOf(() => extractMarkdown(page, { select: [".a", ".b"] }));
    expect(error.code).toBe("selector_no_match");
    expect(error.message).toContain('".a", ".b"');
  });

  it("reports a range marker that matches nothing, in select and in remove", () => {
    const select = errorOf(() =>
      extractMarkdown(page, { select: { startBefore: "h1", endBefore: "#gone" } }),
    );
    expect(select.code).toBe("selector_no_match");
    expect(select.message).toContain('end selector "#gone"');
    const remove = errorOf(() =>
      extractMarkdown(page, { remove: { startAfter: "#gone", endBefore: "#toc" } }),
    );
    expect(remove.message).toContain('start selector "#gone" of the remove range');
  });

  it("reports a range whose end comes before its start", () => {
    const error = errorOf(() =>
      extractMarkdown(page, { select: { startBefore: "#toc", endBefore: "h1" } }),
    );
    expect(error.code).toBe("selector_no_match");
    expect(error.message).toMatch(/end comes before its start/);
  });

  it("reports a selection without text", () => {
    const error = errorOf(() =>
      extractMarkdown(`${page}<div id="x"> <img src="/a.png"> </div>`, { select: "#x" }),
    );
    expect(error.code).toBe("empty_text");
    expect(errorOf(() => extractMarkdown("", {})).code).toBe("empty_text");
  });

  it("reports an invalid CSS selector", () => {
    expect(errorOf(() => extractMarkdown(page, { select: "main[" })).code).toBe("invalid_selector");
  });
});

describe("links", () => {
  const html = `<html><head></head><body><p>
    <a href="../privacy">Privacy</a> <a href="/legal?x=1#s">Legal</a> <a href="#top">Top</a>
    <a href="https://other.org/a b">Other</a> <a href="mailto:x@example.com">Mail</a>
    <a href="javascript:void(0)">Menu</a> <a href="/icon"><i class="icon"></i></a>
    <img src="img/logo.png" alt="Logo"></p></body></html>`;

  it("become absolute against the page URL, keeping same-page anchors", () => {
    expect(extractMarkdown(html, {}, { url: "https://example.com/terms/tos" })).toBe(
      "[Privacy](https://example.com/privacy) [Legal](https://example.com/legal?x=1#s) [Top](#top) " +
        "[Other](https://other.org/a%20b) [Mail](mailto:x@example.com) Menu " +
        "![Logo](https://example.com/terms/img/logo.png)\n",
    );
  });

  it("stay as written without a URL", () => {
    expect(extractMarkdown(html, {})).toContain("[Privacy](../privacy)");
  });

  it("follow <base href>", () => {
    const withBase = html.replace("<head>", '<head><base href="/docs/">');
    expect(extractMarkdown(withBase, {}, { url: "https://example.com/terms/tos" })).toContain(
      "[Privacy](https://example.com/privacy) [Legal]",
    );
    expect(extractMarkdown(withBase, {}, { url: "https://example.com/terms/tos" })).toContain(
      "(https://example.com/docs/img/logo.png)",
    );
  });

  it("decode Cloudflare-protected email addresses", () => {
    // "ab" XOR key 0x42 for each byte of "dpo@example.com"
    const hex = `42${[..."dpo@example.com"].map((c) => (c.charCodeAt(0) ^ 0x42).toString(16).padStart(2, "0")).join("")}`;
    const cf = `<p>Write to <a href="/cdn-cgi/l/email-protection#${hex}"><span class="__cf_email__" data-cfemail="${hex}">[email&#160;protected]</span></a>.</p>`;
    expect(extractMarkdown(cf, {}, { url: "https://example.com/" })).toBe(
      "Write to [dpo@example.com](mailto:dpo@example.com).\n",
    );
  });
});

describe("robustness and determinism", () => {
  it("gives byte-identical output for the same input", () => {
    const once = extractMarkdown(
      page,
      { select: "main", remove: ".ad" },
      { url: "https://e.com/" },
    );
    const twice = extractMarkdown(
      page,
      { select: "main", remove: ".ad" },
      { url: "https://e.com/" },
    );
    expect(Buffer.from(twice).equals(Buffer.from(once))).toBe(true);
  });

  it("extracts from malformed HTML", () => {
    const junk =
      "<<p>Unclosed <b>bold <i>both</p><div>after</span></b> div<p>last &amp junk &#xZZ; </table> </td> <x-y>custom</x-y>\0";
    const md = extractMarkdown(junk, {});
    expect(md).toContain("Unclosed **bold *both***");
    expect(md).toMatch(/after/);
    expect(md).toContain("last & junk");
    expect(md).toContain("custom");
  });

  it("does not let markup inside <noscript> swallow the page", () => {
    const html =
      '<html><head><noscript><iframe src="/ns" /></noscript></head><body><main><p>Policy</p></main></body></html>';
    expect(extractMarkdown(html, { select: "main" })).toBe("Policy\n");
    const inScript = '<script>var s = "<noscript>";</script><main><p>Still here</p></main>';
    expect(extractMarkdown(inScript, { select: "main" })).toBe("Still here\n");
  });

  it("handles deep nesting, and refuses pathological nesting quickly", () => {
    expect(extractMarkdown(`${"<div><span>".repeat(900)}deep`, {})).toBe("deep\n");
    const started = performance.now();
    const error = errorOf(() => extractMarkdown(`${"<span>".repeat(200_000)}text`, {}));
    expect(error.code).toBe("too_deep");
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("normalises line endings, NBSPs and blank lines", () => {
    const html =
      "<p>One\r\n two&nbsp;&nbsp;three\u200b</p>\r\n\r\n\r\n<p>\u00a0</p><p>Four\u202fkm</p>";
    expect(extractMarkdown(html, {})).toBe("One two three\n\nFour km\n");
  });
});

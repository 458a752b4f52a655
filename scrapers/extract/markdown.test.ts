import { describe, expect, it } from "vitest";
import { extractMarkdown } from "./index";

const md = (html: string) => extractMarkdown(html, {}, { url: "https://example.com/legal/" });

describe("Markdown rendering", () => {
  it("writes headings as ATX, one line, without redundant bold", () => {
    expect(md("<h1>Terms</h1><h3>1.2 <b>Scope</b><br>and limits</h3><h6> x </h6>")).toBe(
      "# Terms\n\n### 1.2 Scope and limits\n\n###### x\n",
    );
  });

  it("drops empty headings and paragraphs", () => {
    expect(md("<h2> </h2><p></p><p>Text</p><h2><a href='#x'></a></h2>")).toBe("Text\n");
  });

  it("collapses whitespace inside paragraphs and keeps <br> as line breaks", () => {
    expect(md("<p>  One\n\t two <span> three </span>  four<br>  five<br><br><br>six </p>")).toBe(
      "One two three four\nfive\n\nsix\n",
    );
  });

  it("separates blocks nested in any container by one blank line", () => {
    expect(md("<div><div>A</div>B<section><p>C</p></section></div><article>D</article>")).toBe(
      "A\n\nB\n\nC\n\nD\n",
    );
  });

  it("renders emphasis, keeping spaces outside the delimiters", () => {
    expect(
      md(
        "<p>a<strong> bold </strong>b <em>it</em>, <b><i>both</i></b> <del>gone</del> <b> </b>c</p>",
      ),
    ).toBe("a **bold** b *it*, ***both*** ~~gone~~ c\n");
  });

  it("does not nest the same emphasis twice", () => {
    expect(md("<p><strong>All <b>caps</b> here</strong></p>")).toBe("**All caps here**\n");
  });

  it("drops emphasis around blocks rather than breaking them", () => {
    expect(md("<b><p>One</p><p>Two</p></b>")).toBe("One\n\nTwo\n");
  });

  it("renders unordered, ordered and nested lists", () => {
    const html = `<ul><li>One</li><li>Two<ul><li>Two a</li><li>Two b<ol><li>deep</li></ol></li></ul></li></ul>
      <ol start="9"><li>nine</li><li><p>ten</p><p>more</p></li></ol>`;
    expect(md(html)).toBe(
      "- One\n- Two\n  - Two a\n  - Two b\n    1. deep\n\n9. nine\n10. ten\n\n    more\n",
    );
  });

  it("keeps stray list content with the item before, and skips empty items", () => {
    expect(md("<ul><li>a</li><ul><li>nested</li></ul><li> </li><li>b</li></ul>")).toBe(
      "- a\n  - nested\n- b\n",
    );
  });

  it("renders a data table as GFM, with header, colspan, pipes and line breaks", () => {
    const html = `<table><caption>Retention</caption>
      <thead><tr><th>Data</th><th>Kept | where</th><th>How long</th></tr></thead>
      <tbody><tr><td>Logs<br>and traces</td><td colspan="2">90 days</td></tr>
      <tr><td><ul><li>Name</li><li>Email</li></ul></td><td>EU</td></tr></tbody></table>`;
    expect(md(html)).toBe(
      "Retention\n\n" +
        "| Data | Kept \\| where | How long |\n| --- | --- | --- |\n" +
        "| Logs<br>and traces | 90 days |  |\n| Name<br>Email | EU |  |\n",
    );
  });

  it("uses the first row as header when there is no <th>", () => {
    expect(md("<table><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table>")).toBe(
      "| a | b |\n| --- | --- |\n| 1 | 2 |\n",
    );
  });

  it("renders layout tables (one column, or holding tables) as plain blocks", () => {
    expect(md("<table><tr><td><h2>Title</h2></td></tr><tr><td><p>Body</p></td></tr></table>")).toBe(
      "## Title\n\nBody\n",
    );
    const nested =
      "<table><tr><td>Menu</td><td><table><tr><td>k</td><td>v</td></tr></table></td></tr></table>";
    expect(md(nested)).toBe("Menu\n\n| k | v |\n| --- | --- |\n");
  });

  it("renders code, inline and fenced, and block quotes", () => {
    const html = `<p>Run <code>npm  i</code> or <code>a\`b</code>.</p>
      <pre><code class="language-sh">npm install
  --save   \n</code></pre><blockquote><p>Quoted</p><p>twice</p></blockquote><hr><p>end</p>`;
    expect(md(html)).toBe(
      "Run `npm i` or ``a`b``.\n\n```sh\nnpm install\n  --save\n```\n\n> Quoted\n>\n> twice\n\n---\n\nend\n",
    );
  });

  it("escapes page text that would read as Markdown", () => {
    expect(
      md(
        "<p>1. Not a list</p><p># not a heading</p><p>- no</p><p>a*b*c _x_ [y] `z` <p>&lt;tag&gt; 2 &lt; 3</p>",
      ),
    ).toBe(
      "1\\. Not a list\n\n\\# not a heading\n\n\\- no\n\na\\*b\\*c \\_x\\_ \\[y\\] \\`z\\`\n\n\\<tag> 2 < 3\n",
    );
  });

  it("renders images with absolute sources, lazy sources, and alt text only when no source", () => {
    expect(
      md(
        '<p><img src="a.png" alt="A  chart"> <img data-src="/b.png" src="data:image/gif;base64,R0"> <img src="data:x" alt="Seal"></p>',
      ),
    ).toBe("![A chart](https://example.com/legal/a.png) ![](https://example.com/b.png) Seal\n");
  });

  it("flattens blocks inside a link into its text", () => {
    expect(md('<a href="/privacy"><div><h3>Privacy</h3><p>How we use data</p></div></a>')).toBe(
      "[Privacy How we use data](https://example.com/privacy)\n",
    );
  });

  it("drops non-content elements", () => {
    const html = `<p>Keep</p><script>x</script><style>y</style><noscript>z</noscript><template><p>t</p></template>
      <iframe src="/f"></iframe><svg><text>s</text></svg><button>Accept cookies</button>
      <form><input value="v"><select><option>o</option></select><textarea>ta</textarea></form>`;
    expect(md(html)).toBe("Keep\n");
  });

  it("keeps the text of unknown and custom elements", () => {
    expect(md("<legal-clause><p>Clause <x-term>one</x-term></p></legal-clause>")).toBe(
      "Clause one\n",
    );
  });
});

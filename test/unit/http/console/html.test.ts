// The console's escaping: whatever text goes in, none of it comes out as markup.
import { escapeHtml, html, trusted } from "../../../../src/http/console/html";
import { noteAsText } from "../../../../src/http/console/note-text";

/** A seeded generator of hostile strings: markup, quotes, entities and plain text mixed. */
function* hostile(seed: number, count: number): Generator<string> {
  const pieces = ["<", ">", "&", '"', "'", "`", "<script>", "</textarea>", "onerror=", "&amp;", "&#60;", "javascript:", "x", " ", "é", "\u2028"];
  let s = seed;
  for (let i = 0; i < count; i++) {
    let out = "";
    const n = 1 + (i % 12);
    for (let j = 0; j < n; j++) {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      out += pieces[s % pieces.length];
    }
    yield out;
  }
}

describe("console html", () => {
  it("escapes every interpolated value, in text and in attributes", () => {
    const decode = (v: string) => v.replace(/&(lt|gt|quot|#39|#96|amp);/g, (_m, e: string) => ({ lt: "<", gt: ">", quot: '"', "#39": "'", "#96": "`", amp: "&" })[e]!);
    for (const text of hostile(7, 500)) {
      const escaped = escapeHtml(text);
      // no character that could open a tag or close an attribute survives
      expect(escaped).not.toMatch(/[<>"'`]/);
      // and nothing is lost: decoding gives the text back
      expect(decode(escaped)).toBe(text);
      expect(html`<p title="${text}">${text}</p>`.value).toBe(`<p title="${escaped}">${escaped}</p>`);
    }
  });

  it("keeps nested html as markup and escapes arrays item by item", () => {
    const items = ["<b>", "ok"];
    expect(html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`.value).toBe("<ul><li>&lt;b&gt;</li><li>ok</li></ul>");
    expect(html`${trusted("<br>")}${"<br>"}`.value).toBe("<br>&lt;br&gt;");
    expect(html`${null}${undefined}${false}${0}`.value).toBe("0");
    expect(escapeHtml(`a&b<c>"d'e\`f`)).toBe("a&amp;b&lt;c&gt;&quot;d&#39;e&#96;f");
  });

  it("turns an HTML note into the lines an agent reads, decoding entities once", () => {
    const note = "<p><strong>Open issue</strong></p><ul><li>Roaming &amp; data &lt;Spain&gt;</li><li>Ref: ORD-1</li></ul><p>helpdesk-memory</p>";
    expect(noteAsText(note, "html")).toBe("Open issue\n• Roaming & data <Spain>\n• Ref: ORD-1\nhelpdesk-memory");
    expect(noteAsText("**Open issue**\n- x", "markdown")).toBe("**Open issue**\n- x");
    // decoded text is still only text: the page escapes it again
    expect(html`<pre>${noteAsText("&lt;img src=x onerror=alert(1)&gt;", "html")}</pre>`.value).toBe("<pre>&lt;img src=x onerror=alert(1)&gt;</pre>");
  });
});

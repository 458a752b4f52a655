import { feedEntries } from "@/db/queries/feed";
import { getDb } from "@/db/server";

export const dynamic = "force-dynamic";

/** XML-escaped, without the control characters XML 1.0 forbids. */
const xmlText = (s: string) =>
  Array.from(s)
    .filter((c) => {
      const code = c.charCodeAt(0);
      return code >= 32 || code === 9 || code === 10 || code === 13;
    })
    .join("")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

const FILTERS = ["platform", "kind", "category", "from", "to", "state"] as const;

/** Atom feed of new versions, findings and events, with the timeline's filters. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const filters = Object.fromEntries(
    FILTERS.map((k) => [
      k,
      url.searchParams.get(k) ??
        (k === "state" ? url.searchParams.get("status") : null) ??
        undefined,
    ]),
  );
  const entries = await feedEntries(await getDb(), filters);
  const base = process.env.TERMTRAIL_URL ?? url.origin;
  const self = `${base}/feed.xml${url.search}`;
  const updated = (entries[0]?.updated ?? new Date(0)).toISOString();
  const described = FILTERS.filter((k) => filters[k]).map((k) => `${k}=${filters[k]}`);
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${xmlText(`Termtrail${described.length ? ` (${described.join(", ")})` : ""}`)}</title>
  <subtitle>New versions, findings and events in platforms' terms</subtitle>
  <id>${xmlText(self)}</id>
  <link rel="self" type="application/atom+xml" href="${xmlText(self)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(`${base}/timeline${url.search}`)}"/>
  <updated>${updated}</updated>
  <author><name>Termtrail</name></author>
${entries
  .map(
    (e) => `  <entry>
    <id>${xmlText(`${base}/${e.id}`)}</id>
    <title>${xmlText(e.title)}</title>
    <link rel="alternate" type="text/html" href="${xmlText(`${base}${e.path}`)}"/>
    <updated>${e.updated.toISOString()}</updated>
    <category term="${e.type}"/>
    <summary>${xmlText(e.summary)}</summary>
  </entry>`,
  )
  .join("\n")}
</feed>
`;
  return new Response(xml, {
    headers: {
      "content-type": "application/atom+xml; charset=utf-8",
      "cache-control": "public, max-age=300",
    },
  });
}

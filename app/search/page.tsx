import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { platformOptions } from "@/db/queries/dashboard";
import { HIGHLIGHT_START, HIGHLIGHT_STOP, searchVersions } from "@/db/queries/search";
import { getDb } from "@/db/server";
import { PlatformSelect } from "../components/filter-fields";
import { one, type SearchParams } from "../components/panel";
import { formatDate } from "../format";

export const metadata: Metadata = { title: "Search" };

/** ts_headline's passages, its matches shown as <mark>, everything else as text. */
function Headline({ text }: { text: string }) {
  const parts = text.split(
    new RegExp(`(${HIGHLIGHT_START}[^${HIGHLIGHT_STOP}]*${HIGHLIGHT_STOP})`),
  );
  return (
    <>
      {parts.map((p, i) =>
        p.startsWith(HIGHLIGHT_START) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: fragments of one string, in order
          <mark key={i}>{p.slice(1, -1)}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: fragments of one string, in order
          <span key={i}>{p}</span>
        ),
      )}
    </>
  );
}

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const sp = await searchParams;
  const q = one(sp.q) ?? "";
  const platform = one(sp.platform);
  const db = await getDb();
  const [platforms, hits] = await Promise.all([
    platformOptions(db),
    q ? searchVersions(db, { q, platform, limit: 30 }) : Promise.resolve([]),
  ]);
  return (
    <>
      <h1>Search the archive</h1>
      <p className="lede">
        Full-text search over every archived version, in each document&apos;s language (English or
        French stemming). Use quotes for a phrase, <code>or</code> for either word, <code>-</code>{" "}
        to exclude.
      </p>
      <form className="filters" method="get" action="/search" aria-label="Search the archive">
        <label className="grow">
          Words
          <input type="search" name="q" defaultValue={q} placeholder="contacts photos location" />
        </label>
        <PlatformSelect platforms={platforms} value={platform} />
        <button type="submit">Search</button>
      </form>
      {!q ? null : hits.length === 0 ? (
        <p className="empty">No archived version matches “{q}”.</p>
      ) : (
        <>
          <p className="result-count">
            {hits.length === 30 ? "The 30 best documents" : `${hits.length} documents`} matching “
            {q}”, each at its best-matching version
          </p>
          <ol className="hits">
            {hits.map((h) => (
              <li key={h.versionId} className="hit">
                <Link href={`/documents/${h.documentId}?v=${h.versionId}`}>
                  {h.platform}: {h.documentType}, version of {formatDate(h.capturedAt)}
                </Link>
                <span className="muted">
                  {" · "}
                  {h.locale.startsWith("fr") ? "French" : "English"}
                  {h.matchingVersions > 1 ? ` · ${h.matchingVersions} versions match` : ""}
                </span>
                <p className="headline">
                  <Headline text={h.headline} />
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

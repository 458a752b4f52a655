/** Declarations on disk → platform and document rows, so runs, versions and pages can refer to them. */
import type { Db } from "@/db/client";
import { upsertDocument, upsertPlatform } from "@/db/queries/archive";
import type { Document, SelectorRule } from "@/db/schema";
import type { LoadedPlatform } from "./declarations/load";

const asList = (rule: unknown): SelectorRule[] | null =>
  rule === undefined || rule === null
    ? null
    : ((Array.isArray(rule) ? rule : [rule]) as SelectorRule[]);

export interface DeclaredDocument {
  platformSlug: string;
  platformName: string;
  document: Document;
}

export async function syncDeclarations(
  db: Db,
  loaded: LoadedPlatform[],
): Promise<DeclaredDocument[]> {
  const out: DeclaredDocument[] = [];
  for (const platform of loaded) {
    const row = await upsertPlatform(db, {
      slug: platform.slug,
      name: platform.name,
      parent: platform.parent ?? null,
    });
    for (const doc of platform.documents) {
      const document = await upsertDocument(db, {
        platformId: row.id,
        key: `${platform.slug}/${doc.typeSlug}${doc.locale && doc.locale !== "en" ? `.${doc.locale}` : ""}`,
        type: doc.type,
        typeSlug: doc.typeSlug,
        url: doc.fetch,
        locale: doc.locale,
        fetcher: doc.fetcher,
        select: asList(doc.select),
        remove: asList(doc.remove),
        executeClientScripts: doc.executeClientScripts,
        schedule: doc.schedule,
        enabled: doc.enabled,
        origin: "declaration",
      });
      out.push({ platformSlug: platform.slug, platformName: platform.name, document });
    }
  }
  return out;
}

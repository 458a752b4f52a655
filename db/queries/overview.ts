/** The home page's list of the latest changes across the archive. */
import { desc, eq } from "drizzle-orm";
import { changes, documents, platforms, versions } from "../schema";
import type { DbOrTx } from "./types";

export async function latestChanges(db: DbOrTx, params: { limit: number }) {
  return db
    .select({
      id: changes.id,
      documentId: changes.documentId,
      versionId: changes.versionId,
      documentType: documents.type,
      variant: documents.variant,
      platform: platforms.name,
      capturedAt: versions.capturedAt,
      addedWords: changes.addedWords,
      removedWords: changes.removedWords,
    })
    .from(changes)
    .innerJoin(versions, eq(versions.id, changes.versionId))
    .innerJoin(documents, eq(documents.id, changes.documentId))
    .innerJoin(platforms, eq(platforms.id, documents.platformId))
    .orderBy(desc(versions.capturedAt))
    .limit(params.limit);
}

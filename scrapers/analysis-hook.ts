/**
 * The analyze stage, run on every new change inside its transaction (scrape and import alike):
 * the detectors' verdict and findings land with the change, or not at all.
 */
import { and, eq, lt } from "drizzle-orm";
import type { AfterChange } from "@/db/queries/archive";
import { recordFindings } from "@/db/queries/findings";
import { documents, versions } from "@/db/schema";
import { analyzeChange } from "./analyze";

/** Re-extractions by the source archive: the text differs, the document did not change. */
const REEXTRACTION = /^(refilter|technical_upgrade)/;

export const afterChangeAnalysis: AfterChange = async (tx, { version, previous, change }) => {
  const [doc] = await tx
    .select({ locale: documents.locale })
    .from(documents)
    .where(eq(documents.id, change.documentId));
  // A text identical to an earlier, non-adjacent version is a variant flapping back.
  const [seenBefore] = await tx
    .select({ id: versions.id })
    .from(versions)
    .where(
      and(
        eq(versions.documentId, change.documentId),
        eq(versions.textHash, version.textHash),
        lt(versions.seq, previous.seq),
      ),
    )
    .limit(1);
  const result = analyzeChange(previous.markdown, version.markdown, {
    referenceDate: version.capturedAt,
    language: doc?.locale.toLowerCase().startsWith("fr") ? "fr" : "en",
    history: seenBefore ? [version.markdown] : undefined,
  });
  const reextraction = REEXTRACTION.test(version.flags?.changeKind ?? "");
  const substantive = result.substantive && !reextraction;
  await recordFindings(tx, {
    changeId: change.id,
    documentId: change.documentId,
    versionId: version.id,
    substantive,
    findings: substantive ? result.findings : [],
  });
};

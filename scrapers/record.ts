/**
 * One document, archived once: fetch → snapshot → extract → version → change.
 * Page errors (ScrapeError) are recorded on the fetch run and returned; storage errors and
 * bugs are recorded as best we can and thrown, because going on could lose data.
 */
import { createHash } from "node:crypto";
import { brotliCompressSync, constants } from "node:zlib";
import type { Db } from "@/db/client";
import {
  type AfterChange,
  appendVersion,
  finishFetchRun,
  latestVersion,
  saveSnapshot,
  startFetchRun,
  withVersionRetry,
} from "@/db/queries/archive";
import type { SelectorRule } from "@/db/schema";
import { countWords } from "./diff";
import { type ErrorClass, isScrapeError, ScrapeError } from "./errors";
import { extractMarkdown, hashText, normaliseText } from "./extract";
import { type Capture, type FetcherKind, type FetchOptions, fetchDocument } from "./fetch";

export interface ArchiveTarget {
  documentId: number;
  url: string;
  fetcher: FetcherKind;
  executeClientScripts?: boolean;
  select?: SelectorRule[] | null;
  remove?: SelectorRule[] | null;
}

export type Stage = "fetched" | "extracted" | "snapshot_saved" | "version_written";

export interface ArchiveOptions {
  fetchOptions?: FetchOptions;
  trigger?: string;
  afterChange?: AfterChange;
  /** Observes progress; tests use it to interrupt a recording half-way. */
  onStage?: (stage: Stage) => void | Promise<void>;
  /** A text this small, next to the last version, is a bot or cookie wall, not the document. */
  wallRatio?: number;
}

export interface ArchiveResult {
  status: "unchanged" | "new_version" | "failed";
  runId: number;
  durationMs: number;
  versionId?: number;
  changeId?: number;
  error?: { errorClass: ErrorClass; code: string; message: string };
}

const MIN_WORDS_FOR_WALL_CHECK = 150;

export function snapshotOf(capture: Capture) {
  return {
    sha256: createHash("sha256").update(capture.body).digest("hex"),
    contentType: capture.contentType,
    finalUrl: capture.finalUrl,
    byteSize: capture.body.length,
    compressed: brotliCompressSync(capture.body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 5 },
    }),
    headers: capture.headers,
    fetchedAt: capture.fetchedAt,
  };
}

export async function archiveDocument(
  db: Db,
  target: ArchiveTarget,
  options: ArchiveOptions = {},
): Promise<ArchiveResult> {
  const run = await storage(() =>
    startFetchRun(db, { documentId: target.documentId, trigger: options.trigger }),
  );
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let capture: Capture | undefined;
  let snapshotId: number | null = null;

  const fail = async (error: ScrapeError): Promise<ArchiveResult> => {
    const durationMs = elapsed();
    await storage(async () => {
      await db.transaction(async (tx) => {
        if (capture && snapshotId === null)
          snapshotId = await saveSnapshot(tx, snapshotOf(capture));
        await finishFetchRun(tx, run.id, {
          status: "failed",
          durationMs,
          httpStatus: capture?.status ?? httpStatusOf(error.code),
          finalUrl: capture?.finalUrl ?? null,
          errorClass: error.errorClass,
          errorCode: error.code,
          errorMessage: error.message,
          snapshotId,
        });
      });
    });
    return {
      status: "failed",
      runId: run.id,
      durationMs,
      error: { errorClass: error.errorClass, code: error.code, message: error.message },
    };
  };

  try {
    capture = await fetchDocument(
      {
        url: target.url,
        fetcher: target.fetcher,
        executeClientScripts: target.executeClientScripts,
      },
      options.fetchOptions,
    );
    await options.onStage?.("fetched");
    const markdown = extractMarkdown(
      capture.text,
      { select: target.select ?? undefined, remove: target.remove ?? undefined },
      { url: capture.finalUrl },
    );
    await options.onStage?.("extracted");
    const normalised = normaliseText(markdown);
    const wordCount = countWords(normalised);

    const last = await storage(() => latestVersion(db, target.documentId));
    const ratio = options.wallRatio ?? 0.2;
    if (last && last.wordCount >= MIN_WORDS_FOR_WALL_CHECK && wordCount < last.wordCount * ratio) {
      throw new ScrapeError(
        "blocked",
        "suspected_wall",
        `Extracted ${wordCount} words where the last version had ${last.wordCount}: ` +
          "probably a bot or cookie wall; recorded, not made a version",
      );
    }

    const result = await storage(() =>
      withVersionRetry(db, async (tx) => {
        snapshotId = await saveSnapshot(tx, snapshotOf(capture as Capture));
        await options.onStage?.("snapshot_saved");
        const appended = await appendVersion(
          tx,
          {
            documentId: target.documentId,
            markdown,
            textHash: hashText(normalised),
            wordCount,
            capturedAt: (capture as Capture).fetchedAt,
            snapshotId,
            sourceUrl: (capture as Capture).finalUrl,
          },
          options.afterChange,
        );
        await options.onStage?.("version_written");
        const durationMs = elapsed();
        await finishFetchRun(tx, run.id, {
          status: appended.status,
          durationMs,
          httpStatus: (capture as Capture).status,
          finalUrl: (capture as Capture).finalUrl,
          snapshotId,
          versionId: appended.version.id,
          extractedWords: wordCount,
        });
        return { appended, durationMs };
      }),
    );
    return {
      status: result.appended.status,
      runId: run.id,
      durationMs: result.durationMs,
      versionId: result.appended.version.id,
      changeId: result.appended.status === "new_version" ? result.appended.change?.id : undefined,
    };
  } catch (error) {
    if (isScrapeError(error) && error.errorClass !== "storage") return fail(error);
    // A bug or a storage failure: note it on the run if the database still answers, then stop.
    await finishFetchRun(db, run.id, {
      status: "failed",
      durationMs: elapsed(),
      errorClass: isScrapeError(error) ? "storage" : "internal",
      errorCode: isScrapeError(error) ? error.code : "bug",
      errorMessage: String((error as Error)?.stack ?? error).slice(0, 4000),
    }).catch(() => {});
    throw error;
  }
}

const httpStatusOf = (code: string) => {
  const match = /^http_(\d{3})$/.exec(code);
  return match ? Number(match[1]) : null;
};

/** Marks database failures as storage errors, so callers stop the run. */
async function storage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isScrapeError(error)) throw error;
    throw new ScrapeError("storage", "database", `Storage failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

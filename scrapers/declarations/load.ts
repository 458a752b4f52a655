/**
 * Reads the platform declarations (one `<platform-slug>.json` per platform), validates them and
 * applies defaults. One broken file, or one broken document inside a file, is reported and
 * skipped; everything else still loads, so a typo in one declaration never stops the others
 * from being scraped.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import {
  DEFAULT_LOCALE,
  DEFAULT_SCHEDULE,
  DEFAULT_SELECT,
  DOCUMENT_TYPES,
  type DocumentType,
  type DocumentTypeSlug,
  documentDeclarationSchema,
  documentTypeSlug,
  type Fetcher,
  isDocumentType,
  PLATFORM_SLUG_PATTERN,
  platformDeclarationSchema,
  type SelectorItem,
  selectorList,
} from "./schema";

/** This folder: where the shipped declarations live. */
export const DEFAULT_DECLARATIONS_DIR = path.dirname(fileURLToPath(import.meta.url));

/** One document of a platform, every default applied. */
export interface LoadedDocument {
  /** The document type as declared, e.g. "Privacy Policy". */
  type: DocumentType;
  /** Its slug, e.g. "privacy-policy". */
  typeSlug: DocumentTypeSlug;
  fetch: string;
  /** Never empty; defaults to ["body"]. */
  select: SelectorItem[];
  /** Possibly empty. */
  remove: SelectorItem[];
  executeClientScripts: boolean;
  fetcher: Fetcher;
  /** Canonical BCP-47 tag; defaults to "en". */
  locale: string;
  /** 5-field cron expression; defaults to daily. */
  schedule: string;
  enabled: boolean;
}

export interface LoadedPlatform {
  /** The file name without `.json`, e.g. "sony-music". */
  slug: string;
  name: string;
  parent?: string;
  /** In declaration order; never empty (a platform with no valid document is not loaded). */
  documents: LoadedDocument[];
}

export interface DeclarationError {
  /** Path of the declaration file (the directory given to loadDeclarations, joined with its name). */
  file: string;
  /** Dotted path to the offending value, e.g. "documents.Privacy Policy.fetch"; "" for the whole file. */
  field: string;
  message: string;
}

export interface LoadResult {
  /** Sorted by slug. */
  platforms: LoadedPlatform[];
  errors: DeclarationError[];
}

/** "whatsapp.json: documents.Privacy Policy.fetch: must be an absolute http(s) URL" */
export const formatDeclarationError = (error: DeclarationError): string =>
  error.field
    ? `${error.file}: ${error.field}: ${error.message}`
    : `${error.file}: ${error.message}`;

/**
 * A failed union (such as a selector: string, range or list) reports every branch's failure.
 * When the value's type matched exactly one branch (e.g. it is an array), that branch's issues
 * say what is actually wrong, at a precise path ("remove.1"), so report those instead.
 */
const narrowUnion = (issue: z.core.$ZodIssue): z.core.$ZodIssue[] => {
  if (issue.code !== "invalid_union") return [issue];
  const matching = (issue.errors ?? []).filter(
    (branch) => !branch.some((i) => i.code === "invalid_type" && i.path.length === 0),
  );
  const [only] = matching;
  if (matching.length !== 1 || !only || only.length === 0) return [issue];
  return only.flatMap((i) => narrowUnion({ ...i, path: [...issue.path, ...i.path] }));
};

/** Turns zod issues into errors whose field is a dotted path under `prefix`. */
const issuesToErrors = (
  file: string,
  prefix: readonly PropertyKey[],
  issues: readonly z.core.$ZodIssue[],
): DeclarationError[] =>
  issues.flatMap(narrowUnion).flatMap((issue) => {
    const at = [...prefix, ...issue.path];
    if (issue.code === "unrecognized_keys") {
      // One error per key, pointing at the key itself: that is what needs fixing.
      return issue.keys.map((key) => ({
        file,
        field: dotted([...at, key]),
        message: "unknown field (check its spelling)",
      }));
    }
    return [{ file, field: dotted(at), message: issue.message }];
  });

const dotted = (segments: readonly PropertyKey[]): string => segments.map(String).join(".");

/** Adds "line L, column C" to JSON.parse's "at position N" message when Node didn't. */
const describeJsonError = (text: string, error: unknown): string => {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined || /\bline \d+/.test(message)) return `not valid JSON: ${message}`;
  const before = text.slice(0, Number(position));
  const line = before.split("\n").length;
  const column = Number(position) - before.lastIndexOf("\n");
  return `not valid JSON: ${message} (line ${line}, column ${column})`;
};

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const knownTypes = DOCUMENT_TYPES.map((t) => `"${t.type}"`).join(", ");

/**
 * Validates one parsed declaration. Returns the platform (undefined when the file as a whole is
 * unusable or none of its documents is valid) and the errors found.
 */
export const loadDeclaration = (
  file: string,
  slug: string,
  json: unknown,
): { platform?: LoadedPlatform; errors: DeclarationError[] } => {
  const errors: DeclarationError[] = [];
  if (!PLATFORM_SLUG_PATTERN.test(slug)) {
    errors.push({
      file,
      field: "",
      message: `file name must be a lowercase slug such as "sony-music.json" (it becomes the platform's slug)`,
    });
    return { errors };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    errors.push({
      file,
      field: "",
      message: 'must be a JSON object like { "name": …, "documents": { … } }',
    });
    return { errors };
  }

  const parsed = platformDeclarationSchema.safeParse(json);
  if (!parsed.success) {
    return { errors: issuesToErrors(file, [], parsed.error.issues) };
  }
  const { name, parent, documents: declared } = parsed.data;

  const documents: LoadedDocument[] = [];
  for (const [type, raw] of Object.entries(declared)) {
    const typeSlug = documentTypeSlug(type);
    if (!isDocumentType(type) || !typeSlug) {
      errors.push({
        file,
        field: `documents.${type}`,
        message: `unknown document type; use one of ${knownTypes} (or add it to DOCUMENT_TYPES in schema.ts)`,
      });
      continue;
    }
    const doc = documentDeclarationSchema.safeParse(raw);
    if (!doc.success) {
      errors.push(...issuesToErrors(file, ["documents", type], doc.error.issues));
      continue;
    }
    const d = doc.data;
    const fetcher: Fetcher = d.fetcher ?? (d.executeClientScripts ? "browser" : "http");
    documents.push({
      type,
      typeSlug,
      fetch: d.fetch,
      select: d.select === undefined ? [DEFAULT_SELECT] : selectorList(d.select),
      remove: d.remove === undefined ? [] : selectorList(d.remove),
      executeClientScripts: fetcher === "browser",
      fetcher,
      locale: d.locale ?? DEFAULT_LOCALE,
      schedule: d.schedule ?? DEFAULT_SCHEDULE,
      enabled: d.enabled ?? true,
    });
  }

  if (documents.length === 0) return { errors };
  const platform: LoadedPlatform = { slug, name, documents };
  if (parent !== undefined) platform.parent = parent;
  return { platform, errors };
};

/**
 * Loads every `*.json` in `dir` (not recursively; dotfiles are ignored). Throws only when the
 * directory itself cannot be read; problems in the files are returned in `errors`.
 */
export const loadDeclarations = async (
  dir: string = DEFAULT_DECLARATIONS_DIR,
): Promise<LoadResult> => {
  let entries: string[];
  try {
    const dirents = await readdir(dir, { withFileTypes: true });
    entries = dirents
      .filter((d) => d.isFile() && d.name.endsWith(".json") && !d.name.startsWith("."))
      .map((d) => d.name)
      // By slug, so "whatsapp" comes before "whatsapp-eea" (by file name "-" sorts before ".").
      .sort((a, b) => compare(a.slice(0, -".json".length), b.slice(0, -".json".length)));
  } catch (error) {
    throw new Error(`Cannot read the declarations directory ${dir}`, { cause: error });
  }

  const platforms: LoadedPlatform[] = [];
  const errors: DeclarationError[] = [];
  const byName = new Map<string, string>();

  for (const fileName of entries) {
    const file = path.join(dir, fileName);
    const slug = fileName.slice(0, -".json".length);

    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      errors.push({
        file,
        field: "",
        message: `cannot read: ${error instanceof Error ? error.message : String(error)}`,
      });
      continue;
    }

    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch (error) {
      errors.push({ file, field: "", message: describeJsonError(text, error) });
      continue;
    }

    const result = loadDeclaration(file, slug, json);
    errors.push(...result.errors);
    if (!result.platform) continue;

    // Two files for one platform name would make two platforms look like one in the archive.
    const key = result.platform.name.toLowerCase();
    const other = byName.get(key);
    if (other !== undefined) {
      errors.push({
        file,
        field: "name",
        message: `"${result.platform.name}" is already declared in ${other}; not loaded`,
      });
      continue;
    }
    byName.set(key, fileName);
    platforms.push(result.platform);
  }

  return { platforms, errors };
};

/**
 * Reading an archive of versions kept elsewhere, in the layout of shared/corpus:
 * `<platform>/<document>--<source>/<date>.md` plus a `manifest.json` describing every file.
 * The same corpus also comes packed in one brotli-compressed JSON file (db/seed/), which is
 * what `npm start` seeds from, so the product never reads outside itself.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { z } from "zod";

const versionSchema = z.object({
  file: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  datetime_utc: z.string().nullish(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  source_path: z.string().nullish(),
  commit: z.string().nullish(),
  change_kind: z.string().nullish(),
  text_seen_before_in_series: z.boolean().nullable().optional(),
  suspect_not_the_document: z.boolean().nullable().optional(),
});

const documentSchema = z.object({
  platform: z.string().min(1),
  document_type: z.string().min(1),
  folder: z.string().min(1),
  variant: z.string().optional(),
  language: z.string().default("en"),
  format: z.string().optional(),
  source_repo: z.string().optional(),
  license: z.string().optional(),
  date_basis: z.string().optional(),
  versions: z.array(versionSchema),
});

export const manifestSchema = z.object({
  notes: z.array(z.string()).optional(),
  sources: z.record(z.string(), z.object({ license: z.string() })).optional(),
  documents: z.array(documentSchema),
});

export type CorpusManifest = z.infer<typeof manifestSchema>;
export type CorpusDocument = z.infer<typeof documentSchema>;
export type CorpusVersion = z.infer<typeof versionSchema>;

export interface CorpusSource {
  label: string;
  manifest: CorpusManifest;
  readText(file: string): Promise<string>;
}

function parseManifest(raw: string, where: string): CorpusManifest {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new Error(`${where} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${where}: ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
  }
  return parsed.data;
}

export async function openCorpusDir(dir: string): Promise<CorpusSource> {
  const manifestPath = path.join(dir, "manifest.json");
  const raw = await readFile(manifestPath, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new Error(
      error.code === "ENOENT"
        ? `No manifest.json in ${dir}: the import expects the layout of a corpus folder`
        : `Cannot read ${manifestPath}: ${error.message}`,
    );
  });
  const root = path.resolve(dir);
  return {
    label: dir,
    manifest: parseManifest(raw, manifestPath),
    readText: (file) => {
      const full = path.resolve(root, file);
      if (!full.startsWith(`${root}${path.sep}`)) throw new Error(`${file} points outside ${dir}`);
      return readFile(full, "utf8");
    },
  };
}

/** The packed form: brotli(JSON { manifest, texts: { [file]: text } }). */
export async function openPackedCorpus(file: string): Promise<CorpusSource> {
  const packed = JSON.parse(brotliDecompressSync(await readFile(file)).toString("utf8")) as {
    manifest: unknown;
    texts: Record<string, string>;
  };
  const manifest = parseManifest(JSON.stringify(packed.manifest), file);
  return {
    label: file,
    manifest,
    readText: async (name) => {
      const text = packed.texts[name];
      if (text === undefined) throw new Error(`${name} is listed but not packed in ${file}`);
      return text;
    },
  };
}

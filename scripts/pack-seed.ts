/**
 * Maintainers only: packs the seed platforms' history from ../shared/corpus into
 * db/seed/corpus.json.br, which `npm start` imports on first run. Run again when the corpus
 * changes: `npx tsx scripts/pack-seed.ts [CORPUS_DIR]`.
 */
import { copyFile, mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { SEED_CORPUS_FILE, SEED_PLATFORMS } from "../db/seed/paths";
import { openCorpusDir } from "../scrapers/import/corpus";

const corpusDir = process.argv[2] ?? path.resolve("../shared/corpus");
const source = await openCorpusDir(corpusDir);
const documents = source.manifest.documents.filter((d) => SEED_PLATFORMS.includes(d.platform));
const texts: Record<string, string> = {};
for (const doc of documents) {
  for (const version of doc.versions) texts[version.file] = await source.readText(version.file);
}
const sources = Object.fromEntries(
  Object.entries(source.manifest.sources ?? {}).filter(([repo]) =>
    documents.some((d) => d.source_repo === repo),
  ),
);
const json = JSON.stringify({
  manifest: { notes: source.manifest.notes, sources, documents },
  texts,
});
const packed = brotliCompressSync(Buffer.from(json), {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 9,
    [constants.BROTLI_PARAM_LGWIN]: 24,
    [constants.BROTLI_PARAM_SIZE_HINT]: json.length,
  },
});
await writeFile(SEED_CORPUS_FILE, packed);
const licenseDir = path.join(path.dirname(SEED_CORPUS_FILE), "LICENSES");
await mkdir(licenseDir, { recursive: true });
for (const file of await readdir(path.join(corpusDir, "LICENSES"))) {
  await copyFile(path.join(corpusDir, "LICENSES", file), path.join(licenseDir, file));
}
console.log(
  `${documents.length} documents, ${Object.keys(texts).length} versions, ` +
    `${(json.length / 2 ** 20).toFixed(1)} MiB → ${(packed.length / 2 ** 20).toFixed(1)} MiB`,
);

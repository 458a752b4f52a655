import { readFile } from "node:fs/promises";
import { htmlToText, looksLikeHtml } from "./html";

/** Bad input for the analyze CLI: reported on stderr with a non-zero exit. */
export class InputError extends Error {
  override name = "InputError";
}

const MAX_BYTES = 20 * 1024 * 1024;

/**
 * Reads a version file (Markdown, text or HTML) as text. Refuses what cannot be a document:
 * a missing or unreadable file, an empty one, binary data (NUL bytes, invalid UTF-8) or a
 * file too large to be terms of service.
 */
export async function readDocument(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError(`${path}: no such file`);
    if (code === "EISDIR") throw new InputError(`${path}: is a directory, not a file`);
    if (code === "EACCES") throw new InputError(`${path}: permission denied`);
    throw new InputError(`${path}: cannot read (${code ?? String(error)})`);
  }
  if (bytes.length > MAX_BYTES)
    throw new InputError(`${path}: larger than 20 MB, not a terms document`);
  if (bytes.includes(0))
    throw new InputError(`${path}: binary data (NUL bytes), not a text document`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${path}: not valid UTF-8 text`);
  }
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 1 && c <= 8) || (c >= 14 && c <= 31) || c === 127) controls++;
  }
  if (controls > 16 && controls > text.length / 1000)
    throw new InputError(`${path}: binary data (control characters), not a text document`);
  if (looksLikeHtml(text) || /\.html?$/i.test(path)) text = htmlToText(text);
  if (!/\p{L}/u.test(text)) throw new InputError(`${path}: empty (no text)`);
  return text;
}

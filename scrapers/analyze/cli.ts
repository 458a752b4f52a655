/**
 * npm run --silent analyze -- OLD NEW [--json] [--date YYYY-MM-DD] [--lang en|fr]
 *
 * Compares two versions (Markdown, text or HTML) and prints the findings. The reference date
 * for deadlines is --date, else a YYYY-MM-DD in NEW's file name, else today.
 * Exit codes: 0 done, 2 bad input or usage (message on stderr), 1 unexpected failure.
 */
import { basename } from "node:path";
import { analyzeChange } from "./index";
import { InputError, readDocument } from "./input";
import type { Language } from "./text";
import type { AnalyzeResult } from "./types";

const USAGE = "usage: analyze OLD NEW [--json] [--date YYYY-MM-DD] [--lang en|fr]";

interface Args {
  oldPath: string;
  newPath: string;
  json: boolean;
  date?: string;
  language?: Language;
}

function parseArgs(argv: string[]): Args {
  const files: string[] = [];
  let json = false;
  let date: string | undefined;
  let language: Language | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--json") json = true;
    else if (arg === "--date") date = argv[++i];
    else if (arg.startsWith("--date=")) date = arg.slice("--date=".length);
    else if (arg === "--lang" || arg.startsWith("--lang=")) {
      const value = arg === "--lang" ? argv[++i] : arg.slice("--lang=".length);
      if (value !== "en" && value !== "fr")
        throw new InputError(`--lang must be en or fr\n${USAGE}`);
      language = value;
    } else if (arg === "-h" || arg === "--help") {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg.startsWith("--")) throw new InputError(`unknown option ${arg}\n${USAGE}`);
    else files.push(arg);
  }
  const [oldPath, newPath] = files;
  if (files.length !== 2 || !oldPath || !newPath)
    throw new InputError(`expected two files, got ${files.length}\n${USAGE}`);
  return { oldPath, newPath, json, date, language };
}

function referenceDate(args: Args): Date {
  const text = args.date ?? basename(args.newPath).match(/\d{4}-\d{2}-\d{2}/)?.[0];
  if (!text) return new Date();
  const date = new Date(`${text}T12:00:00Z`);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}$/.test(text))
    throw new InputError(`--date: not a date: ${text}`);
  return date;
}

function render(result: AnalyzeResult): string {
  const lines = [`Substantive change: ${result.substantive ? "yes" : "no"}`];
  if (result.findings.length === 0) lines.push(result.substantive ? "No findings." : "");
  for (const f of result.findings) {
    const what = f.category ?? f.recipient ?? f.date ?? "";
    lines.push(
      "",
      `• ${f.kind.replace(/_/g, " ")}: ${what}`,
      `  "${f.excerpt.replace(/\s+/g, " ")}"`,
    );
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const [oldText, newText] = await Promise.all([
    readDocument(args.oldPath),
    readDocument(args.newPath),
  ]);
  const result = analyzeChange(oldText, newText, {
    referenceDate: referenceDate(args),
    language: args.language,
  });
  process.stdout.write(args.json ? `${JSON.stringify(result)}\n` : render(result));
}

main().catch((error: unknown) => {
  if (error instanceof InputError) {
    process.stderr.write(`analyze: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `analyze: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});

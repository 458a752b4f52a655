/**
 * The shape of a platform declaration: one JSON file per platform in this folder.
 *
 * The format follows Open Terms Archive's service declarations
 * (https://docs.opentermsarchive.org/contributing-terms/), so their declarations can be adapted
 * with little change: `name`, and `documents` keyed by document type, each with `fetch`,
 * `select`, `remove` and `executeClientScripts`. Termtrail adds `parent` on the platform and
 * `locale`, `fetcher`, `schedule` and `enabled` on each document.
 *
 * Validation here is per part: `platformDeclarationSchema` checks the file without looking inside
 * the documents, and `documentDeclarationSchema` checks one document, so the loader can reject
 * one bad document and still load its siblings.
 */
import { compile } from "css-select";
import { z } from "zod";

/**
 * The document types Termtrail knows, with the slug used on the command line and in URLs.
 * Names follow Open Terms Archive's terms types where one fits; "Data Use Notice" is ours (a
 * notice about one specific use of data, such as a label's "pre-save" campaigns).
 * A declaration whose document key is not in this list is rejected, so a typo cannot quietly
 * create a new type. To add a type, add it here.
 */
export const DOCUMENT_TYPES = [
  { type: "Terms of Service", slug: "terms-of-service" },
  { type: "Privacy Policy", slug: "privacy-policy" },
  { type: "Trackers Policy", slug: "trackers-policy" },
  { type: "Developer Terms", slug: "developer-terms" },
  { type: "Commercial Terms", slug: "commercial-terms" },
  { type: "Data Use Notice", slug: "data-use-notice" },
  { type: "Data Processor Agreement", slug: "data-processor-agreement" },
  { type: "Acceptable Use Policy", slug: "acceptable-use-policy" },
  { type: "Community Guidelines", slug: "community-guidelines" },
] as const;

export type DocumentType = (typeof DOCUMENT_TYPES)[number]["type"];
export type DocumentTypeSlug = (typeof DOCUMENT_TYPES)[number]["slug"];

const DOCUMENT_TYPE_NAMES = DOCUMENT_TYPES.map((t) => t.type) as [DocumentType, ...DocumentType[]];

const typeToSlug = new Map<string, DocumentTypeSlug>(DOCUMENT_TYPES.map((t) => [t.type, t.slug]));
const slugToType = new Map<string, DocumentType>(DOCUMENT_TYPES.map((t) => [t.slug, t.type]));

export const isDocumentType = (value: string): value is DocumentType => typeToSlug.has(value);

/** "Privacy Policy" → "privacy-policy"; undefined for an unknown type. */
export const documentTypeSlug = (type: string): DocumentTypeSlug | undefined =>
  typeToSlug.get(type);

/** "privacy-policy" → "Privacy Policy"; undefined for an unknown slug. */
export const documentTypeFromSlug = (slug: string): DocumentType | undefined =>
  slugToType.get(slug);

export const FETCHERS = ["http", "browser", "wp-json"] as const;
export type Fetcher = (typeof FETCHERS)[number];

/** When a document has no `schedule`: daily at 04:00 (scheduler's clock), as the db default. */
export const DEFAULT_SCHEDULE = "0 4 * * *";
export const DEFAULT_LOCALE = "en";
/** When a document has no `select`: the whole body (what the wp-json fetcher produces). */
export const DEFAULT_SELECT = "body";

/** Platform slugs are the file names: lowercase words joined by single hyphens. */
export const PLATFORM_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// --- CSS selectors ----------------------------------------------------------------------------

/** Whether css-select (which the extractor uses) can compile the selector. */
const cssError = (selector: string): string | undefined => {
  try {
    compile(selector);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};

const cssSelectorSchema = z
  .string({ error: "must be a CSS selector (a string)" })
  .trim()
  .min(1, { error: "must not be empty" })
  .superRefine((selector, ctx) => {
    const problem = cssError(selector);
    if (problem) ctx.addIssue({ code: "custom", message: `invalid CSS selector: ${problem}` });
  });

/**
 * Open Terms Archive's range form: the content between two elements, e.g.
 * `{ "startAfter": "#terms-title", "endBefore": "footer" }`. Exactly one start and one end.
 */
export const rangeSelectorSchema = z
  .strictObject({
    startBefore: cssSelectorSchema.optional(),
    startAfter: cssSelectorSchema.optional(),
    endBefore: cssSelectorSchema.optional(),
    endAfter: cssSelectorSchema.optional(),
  })
  .superRefine((range, ctx) => {
    const starts = [range.startBefore, range.startAfter].filter((s) => s !== undefined).length;
    const ends = [range.endBefore, range.endAfter].filter((s) => s !== undefined).length;
    if (starts !== 1) {
      ctx.addIssue({
        code: "custom",
        message: "a range needs exactly one of startBefore or startAfter",
      });
    }
    if (ends !== 1) {
      ctx.addIssue({
        code: "custom",
        message: "a range needs exactly one of endBefore or endAfter",
      });
    }
  });

export type RangeSelector = z.infer<typeof rangeSelectorSchema>;

const SELECTOR_ITEM_SHAPE =
  "a CSS selector string or a range object ({startBefore|startAfter, endBefore|endAfter})";

export const selectorItemSchema = z.union([cssSelectorSchema, rangeSelectorSchema], {
  error: `must be ${SELECTOR_ITEM_SHAPE}`,
});

export type SelectorItem = z.infer<typeof selectorItemSchema>;

/** One selector, one range, or a list of them (whose matches are all kept, in document order). */
export const selectorSchema = z.union(
  [
    cssSelectorSchema,
    rangeSelectorSchema,
    z.array(selectorItemSchema).min(1, { error: "must not be an empty list" }),
  ],
  { error: `must be ${SELECTOR_ITEM_SHAPE}, or a list of those` },
);

export type Selector = z.infer<typeof selectorSchema>;

/** Always a list, so code that applies selectors handles one shape. */
export const selectorList = (selector: Selector): SelectorItem[] =>
  Array.isArray(selector) ? selector : [selector];

// --- Cron ---------------------------------------------------------------------------------------

const CRON_FIELDS = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  {
    name: "month",
    min: 1,
    max: 12,
    names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"],
  },
  { name: "day of week", min: 0, max: 7, names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"] },
] as const;

const cronValue = (token: string, field: (typeof CRON_FIELDS)[number]): number | undefined => {
  if (/^\d+$/.test(token)) {
    const n = Number(token);
    return n >= field.min && n <= field.max ? n : undefined;
  }
  if ("names" in field) {
    const index = (field.names as readonly string[]).indexOf(token.toUpperCase());
    if (index >= 0) return index + field.min;
  }
  return undefined;
};

/**
 * Checks a standard 5-field cron expression ("minute hour day-of-month month day-of-week"):
 * `*`, numbers, names (JAN, MON), ranges `a-b`, steps `/n` and lists `a,b`, each within the
 * field's bounds. Returns a problem, or undefined when the expression is well formed.
 * Macros (@daily) and seconds fields are not accepted: the scheduler expects 5 fields.
 */
export const cronProblem = (expression: string): string | undefined => {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    return `must be a 5-field cron expression (minute hour day-of-month month day-of-week), got ${fields.length} field${fields.length === 1 ? "" : "s"}`;
  }
  for (const [i, text] of fields.entries()) {
    const field = CRON_FIELDS[i];
    if (!field) continue;
    for (const item of text.split(",")) {
      const match = /^(\*|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/(\d+))?$/.exec(item);
      const bad = `invalid ${field.name} "${item}" (allowed ${field.min}-${field.max})`;
      if (!match?.[1]) return bad;
      const [range, step] = [match[1], match[2]];
      if (step !== undefined && Number(step) < 1) return bad;
      if (range === "*") continue;
      const [from, to] = range.split("-");
      const start = from === undefined ? undefined : cronValue(from, field);
      const end = to === undefined ? start : cronValue(to, field);
      if (start === undefined || end === undefined || end < start) return bad;
    }
  }
  return undefined;
};

export const cronSchema = z
  .string({ error: "must be a cron expression (a string)" })
  .superRefine((expression, ctx) => {
    const problem = cronProblem(expression);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((expression) => expression.trim().split(/\s+/).join(" "));

// --- Locale -------------------------------------------------------------------------------------

/** A BCP-47 language tag, canonicalized ("en-us" → "en-US"). */
export const localeSchema = z
  .string({ error: 'must be a BCP-47 language tag such as "en" or "en-US"' })
  .transform((tag, ctx) => {
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      if (canonical) return canonical;
    } catch {
      // reported below
    }
    ctx.addIssue({
      code: "custom",
      message: `"${tag}" is not a BCP-47 language tag (e.g. "en" or "en-US")`,
    });
    return z.NEVER;
  });

// --- Documents and platforms --------------------------------------------------------------------

/**
 * True for URLs the wp-json fetcher can read: WordPress REST API routes. Also called when `fetch`
 * has already failed validation (zod still runs object refinements), so it must not throw.
 */
const isWordPressRestUrl = (url: unknown): boolean => {
  if (typeof url !== "string" || !URL.canParse(url)) return true; // already reported on `fetch`
  const parsed = new URL(url);
  return parsed.pathname.includes("/wp-json/") || parsed.searchParams.has("rest_route");
};

/**
 * One document as written in a declaration file. Unknown keys are rejected (a misspelled
 * `excuteClientScripts` would otherwise be silently ignored).
 */
export const documentDeclarationSchema = z
  .strictObject(
    {
      // Any http(s) host, IP addresses included: whether a private address may be fetched is
      // the SSRF guard's decision at fetch time, not the declaration format's.
      fetch: z.url({
        protocol: /^https?$/,
        error: (issue) =>
          issue.input === undefined
            ? "is required (the URL to fetch)"
            : "must be an absolute http(s) URL",
      }),
      select: selectorSchema.optional(),
      remove: selectorSchema.optional(),
      executeClientScripts: z.boolean({ error: "must be true or false" }).optional(),
      locale: localeSchema.optional(),
      fetcher: z
        .enum(FETCHERS, { error: `must be one of ${FETCHERS.map((f) => `"${f}"`).join(", ")}` })
        .optional(),
      schedule: cronSchema.optional(),
      enabled: z.boolean({ error: "must be true or false" }).optional(),
    },
    {
      error: (issue) =>
        issue.code === "invalid_type"
          ? 'must be an object such as { "fetch": "https://…", "select": "main" }'
          : undefined,
    },
  )
  .superRefine((doc, ctx) => {
    // A browser is what runs client scripts; the other fetchers cannot, so the two settings
    // must agree rather than one silently winning.
    if (doc.executeClientScripts === true && doc.fetcher && doc.fetcher !== "browser") {
      ctx.addIssue({
        code: "custom",
        path: ["fetcher"],
        message: `"${doc.fetcher}" cannot execute client scripts; use "browser" or drop executeClientScripts`,
      });
    }
    if (doc.executeClientScripts === false && doc.fetcher === "browser") {
      ctx.addIssue({
        code: "custom",
        path: ["executeClientScripts"],
        message: 'the "browser" fetcher executes client scripts; drop executeClientScripts: false',
      });
    }
    if (doc.fetcher === "wp-json" && !isWordPressRestUrl(doc.fetch)) {
      ctx.addIssue({
        code: "custom",
        path: ["fetch"],
        message: 'the "wp-json" fetcher needs a WordPress REST URL (…/wp-json/wp/v2/pages/<id>)',
      });
    }
  });

export type DocumentDeclaration = z.infer<typeof documentDeclarationSchema>;

/**
 * A declaration file, with the documents left unchecked (each is checked on its own with
 * `documentDeclarationSchema`; document keys are checked against DOCUMENT_TYPES by the loader).
 */
export const platformDeclarationSchema = z.strictObject({
  name: z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? "is required (the platform's display name)"
          : "must be the platform's display name (a string)",
    })
    .trim()
    .min(1, { error: "must not be empty" }),
  parent: z
    .string({ error: "must be the parent company's name (a string)" })
    .trim()
    .min(1, { error: "must not be empty" })
    .optional(),
  documents: z
    .record(z.string(), z.unknown(), {
      error: (issue) =>
        issue.input === undefined
          ? "is required"
          : 'must be an object keyed by document type, e.g. { "Privacy Policy": { … } }',
    })
    .refine((documents) => Object.keys(documents).length > 0, {
      error: "must declare at least one document",
    }),
});

/** A whole declaration file, documents included: the type to write declarations against. */
export const declarationSchema = platformDeclarationSchema.extend({
  documents: z
    .partialRecord(z.enum(DOCUMENT_TYPE_NAMES), documentDeclarationSchema)
    .refine((documents) => Object.keys(documents).length > 0, {
      error: "must declare at least one document",
    }),
});

export type Declaration = z.infer<typeof declarationSchema>;

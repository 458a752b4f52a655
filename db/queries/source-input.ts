/** What a maintainer submits for a source, and how a submitted form becomes it. */
import { z } from "zod";
import {
  cronProblem,
  DOCUMENT_TYPES,
  FETCHERS,
  PLATFORM_SLUG_PATTERN,
  selectorSchema,
} from "@/scrapers/declarations/schema";

export const DEFAULT_SOURCE_SCHEDULE = "0 4 * * *";

const selectorField = z
  .string()
  .trim()
  .transform((raw, ctx) => {
    if (raw === "") return null;
    let value: unknown = raw;
    if (raw.startsWith("[") || raw.startsWith("{")) {
      try {
        value = JSON.parse(raw);
      } catch {
        ctx.addIssue({ code: "custom", message: "is not valid JSON" });
        return z.NEVER;
      }
    } else if (raw.includes("\n")) {
      value = raw
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
    }
    const parsed = selectorSchema.safeParse(value);
    if (!parsed.success) {
      ctx.addIssue({ code: "custom", message: parsed.error.issues[0]?.message ?? "invalid" });
      return z.NEVER;
    }
    return Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  });

/** What a maintainer submits for a source: the declaration's fields. */
export const sourceInput = z.object({
  platformSlug: z
    .string()
    .trim()
    .regex(PLATFORM_SLUG_PATTERN, { error: "lowercase words joined by hyphens, e.g. whatsapp" }),
  platformName: z.string().trim().max(100).optional(),
  type: z.enum(DOCUMENT_TYPES.map((t) => t.type) as [string, ...string[]], {
    error: "choose a document type from the list",
  }),
  variant: z.string().trim().max(100).optional(),
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
  fetcher: z.enum(FETCHERS),
  select: selectorField.optional(),
  remove: selectorField.optional(),
  locale: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: "a language tag such as en or en-US" })
    .default("en"),
  schedule: z
    .string()
    .trim()
    .default(DEFAULT_SOURCE_SCHEDULE)
    .superRefine((value, ctx) => {
      const problem = cronProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  executeClientScripts: z.boolean().default(false),
  enabled: z.boolean().default(true),
});
export type SourceInput = z.input<typeof sourceInput>;

/** Reads a submitted form into the input shape (checkboxes, empty fields). */
export function sourceInputFromForm(form: FormData): SourceInput {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" && v.trim() !== "" ? v : undefined;
  };
  return {
    platformSlug: text("platformSlug") ?? "",
    platformName: text("platformName"),
    type: text("type") ?? "",
    variant: text("variant"),
    url: text("url") ?? "",
    fetcher: (text("fetcher") ?? "http") as SourceInput["fetcher"],
    select: text("select") ?? "",
    remove: text("remove") ?? "",
    locale: text("locale"),
    schedule: text("schedule"),
    executeClientScripts: form.get("executeClientScripts") === "on",
    enabled: form.has("enabledField") ? form.get("enabled") === "on" : true,
  };
}

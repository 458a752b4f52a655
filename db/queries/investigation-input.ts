/** What an event, a case or a citation must hold to be saved; shared by the seed and the forms. */
import { z } from "zod";
import { CASE_STATUSES } from "../schema/cases";
import { EVENT_KINDS } from "../schema/events";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date as YYYY-MM-DD" });

export const citationInput = z
  .object({
    publisher: z.string().min(1).optional(),
    title: z.string().min(1).optional(),
    publishedOn: isoDate.optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    versionId: z.number().int().positive().optional(),
    passage: z.string().min(1).optional(),
    language: z.string().optional(),
  })
  .refine((c) => c.title || (c.versionId && c.passage), {
    error: "a citation needs a title (a published source) or an archived version with its passage",
  });

const linked = z.object({ slug: z.string(), uncertain: z.boolean().default(false) });

export const eventInput = z
  .object({
    kind: z.enum(EVENT_KINDS),
    title: z.string().min(3),
    summary: z.string().min(3),
    platformSlug: z.string().optional(),
    caseSlug: z.string().optional(),
    occurredOn: isoDate,
    announcedOn: isoDate.optional(),
    deadline: isoDate.optional(),
    consequence: z.string().optional(),
    postponements: z
      .array(z.object({ newDeadline: isoDate, announcedOn: isoDate, note: z.string().optional() }))
      .default([]),
    categories: z.array(linked).default([]),
    recipients: z.array(linked).default([]),
    uncertain: z.boolean().default(false),
    uncertainNote: z.string().optional(),
    status: z.enum(["confirmed", "detected"]).default("confirmed"),
    origin: z.enum(["curated", "review"]).default("curated"),
    seedKey: z.string().optional(),
    citations: z
      .array(citationInput)
      .min(1, { error: "an event needs at least one citation or evidence" }),
  })
  .refine((e) => e.kind !== "forced_consent_deadline" || e.deadline, {
    error: "a forced-consent deadline event needs its deadline",
    path: ["deadline"],
  })
  .refine((e) => e.kind !== "partner_pressure" || e.caseSlug, {
    error: "a partner-pressure event belongs to a case",
    path: ["caseSlug"],
  });

export const caseInput = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(3),
  summary: z.string().min(3),
  dominantPlatformSlug: z.string(),
  partner: z.string().min(1),
  leverage: z.array(z.string().min(1)).min(1),
  categories: z.array(linked).default([]),
  startedOn: isoDate.optional(),
  endedOn: isoDate.optional(),
  outcome: z.string().optional(),
  status: z.enum(CASE_STATUSES).default("open"),
  uncertain: z.boolean().default(false),
  uncertainNote: z.string().optional(),
  citations: z.array(citationInput).min(1, { error: "a case needs at least one citation" }),
});

export type EventInput = z.input<typeof eventInput>;
export type CaseInput = z.input<typeof caseInput>;

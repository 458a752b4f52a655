import { CASE_STATUSES } from "../../schema/cases";
import {
  dateRange,
  enumFilter,
  idColumn,
  platformColumn,
  platformFilter,
  searchFilter,
} from "./shared";
import type { Dataset } from "./types";

export const cases: Dataset = {
  name: "cases",
  title: "Cases",
  description:
    "Partner-pressure cases: a dominant platform pressing a partner for its customers' data, with what was demanded, the leverage, dates and outcome.",
  from: "cases c join platforms p on p.id = c.dominant_platform_id",
  key: "c.id",
  defaultSort: { column: "started_on", desc: true },
  link: "'/cases/' || c.id",
  columns: [
    idColumn("c.id", "Case id; its page is /cases/<id>."),
    { name: "slug", type: "text", expr: "c.slug", description: "Stable handle." },
    {
      name: "title",
      type: "text",
      expr: "c.title",
      shownByDefault: true,
      description: "Short title.",
    },
    platformColumn("The dominant platform's slug."),
    {
      name: "partner",
      type: "text",
      expr: "c.partner",
      sortable: true,
      shownByDefault: true,
      description: "The partner pressed for data.",
    },
    { name: "summary", type: "text", expr: "c.summary", description: "What happened." },
    {
      name: "data_categories",
      type: "list",
      expr: "array(select category_slug from case_data_categories x where x.case_id = c.id order by 1)",
      shownByDefault: true,
      description: "What was demanded (taxonomy slugs).",
    },
    {
      name: "leverage",
      type: "list",
      expr: "array(select jsonb_array_elements_text(c.leverage))",
      description: "What was threatened or withheld.",
    },
    {
      name: "started_on",
      type: "date",
      expr: "c.started_on",
      sortable: true,
      shownByDefault: true,
      description: "Start.",
    },
    {
      name: "ended_on",
      type: "date",
      expr: "c.ended_on",
      sortable: true,
      description: "End, if over.",
    },
    { name: "outcome", type: "text", expr: "c.outcome", description: "How it ended." },
    {
      name: "status",
      type: "text",
      expr: "c.status",
      shownByDefault: true,
      description: `One of ${CASE_STATUSES.join(", ")}.`,
    },
    {
      name: "uncertain",
      type: "boolean",
      expr: "c.uncertain",
      description: "Reporting leaves part of it uncertain.",
    },
    {
      name: "uncertain_note",
      type: "text",
      expr: "c.uncertain_note",
      description: "What is uncertain.",
    },
  ],
  filters: [
    platformFilter(),
    enumFilter("status", CASE_STATUSES, "c.status", "Case status."),
    ...dateRange("c.started_on", false, "Started"),
    searchFilter(["c.title", "c.summary", "c.partner"], "Words in the title, summary or partner."),
  ],
};

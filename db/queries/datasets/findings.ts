import { FINDING_KINDS, FINDING_STATES } from "../../schema/findings";
import {
  dateRange,
  documentFilter,
  enumFilter,
  idColumn,
  platformColumn,
  platformFilter,
  searchFilter,
} from "./shared";
import type { Dataset } from "./types";

export const findings: Dataset = {
  name: "findings",
  title: "Findings",
  description:
    "What the detectors read in a change (a data category or recipient added or removed, a consent deadline), with the exact passage, and its review state.",
  from: "findings f join documents d on d.id = f.document_id join platforms p on p.id = d.platform_id",
  key: "f.id",
  defaultSort: { column: "id", desc: true },
  link: "case when f.event_id is not null then '/events/' || f.event_id else '/documents/' || f.document_id || '?v=' || f.version_id end",
  columns: [
    idColumn("f.id", "Finding id."),
    {
      name: "kind",
      type: "text",
      expr: "f.kind",
      shownByDefault: true,
      description: `One of ${FINDING_KINDS.join(", ")}.`,
    },
    {
      name: "state",
      type: "text",
      expr: "f.state",
      shownByDefault: true,
      description: `One of ${FINDING_STATES.join(", ")}.`,
    },
    {
      name: "subject",
      type: "text",
      expr: "f.subject",
      shownByDefault: true,
      description: "The category, recipient or date found.",
    },
    {
      name: "category",
      type: "text",
      expr: "f.category_slug",
      description: "Data category slug, for category findings.",
    },
    {
      name: "recipient",
      type: "text",
      expr: "f.recipient",
      description: "Recipient, for recipient findings.",
    },
    {
      name: "deadline",
      type: "date",
      expr: "f.deadline",
      description: "The date, for consent-deadline findings.",
    },
    {
      name: "excerpt",
      type: "text",
      expr: "f.excerpt",
      description: "The exact passage that supports it.",
    },
    platformColumn(),
    { name: "document_id", type: "integer", expr: "f.document_id", description: "The document." },
    {
      name: "change_id",
      type: "integer",
      expr: "f.change_id",
      description: "The change it was read in.",
    },
    {
      name: "version_id",
      type: "integer",
      expr: "f.version_id",
      description: "The version holding the passage.",
    },
    {
      name: "event_id",
      type: "integer",
      expr: "f.event_id",
      description: "The event it became, once confirmed.",
    },
    {
      name: "dismissed_reason",
      type: "text",
      expr: "f.dismissed_reason",
      description: "Why a reviewer dismissed it.",
    },
    {
      name: "reviewed_at",
      type: "timestamp",
      expr: "f.reviewed_at",
      description: "When it was reviewed.",
    },
    {
      name: "created_at",
      type: "timestamp",
      expr: "f.created_at",
      sortable: true,
      shownByDefault: true,
      description: "When it was detected.",
    },
  ],
  filters: [
    enumFilter("kind", FINDING_KINDS, "f.kind", "Finding kind."),
    enumFilter("state", FINDING_STATES, "f.state", "Review state."),
    platformFilter(),
    documentFilter("f.document_id"),
    ...dateRange("f.created_at", true, "Detected"),
    searchFilter(["f.subject", "f.excerpt"], "Words in the subject or passage."),
  ],
};

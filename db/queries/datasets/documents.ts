import { enumFilter, idColumn, platformColumn, platformFilter, searchFilter } from "./shared";
import type { Dataset } from "./types";

export const documents: Dataset = {
  name: "documents",
  title: "Documents",
  description:
    "Tracked texts: one platform's privacy policy, terms of service, partner terms… declared for scraping or imported from an archive.",
  from: "documents d join platforms p on p.id = d.platform_id",
  key: "d.id",
  defaultSort: { column: "id", desc: false },
  link: "'/documents/' || d.id",
  columns: [
    idColumn("d.id", "Document id; its page is /documents/<id>."),
    {
      name: "key",
      type: "text",
      expr: "d.key",
      sortable: true,
      description: "Stable identity: <platform>/<type> or the archive folder.",
    },
    platformColumn(),
    { name: "platform_name", type: "text", expr: "p.name", description: "Platform name." },
    {
      name: "type",
      type: "text",
      expr: "d.type",
      shownByDefault: true,
      description: "Privacy Policy, Terms of Service…",
    },
    {
      name: "variant",
      type: "text",
      expr: "d.variant",
      shownByDefault: true,
      description: "Which variant (EEA, global…), when there are several.",
    },
    { name: "url", type: "text", expr: "d.url", description: "Where it is fetched." },
    { name: "locale", type: "text", expr: "d.locale", description: "Language tag." },
    {
      name: "origin",
      type: "text",
      expr: "d.origin",
      shownByDefault: true,
      description: "declaration, import or maintainer.",
    },
    {
      name: "archive",
      type: "text",
      expr: "d.archive",
      description: "For imported series: the archive the versions come from.",
    },
    { name: "license", type: "text", expr: "d.license", description: "The archive's licence." },
    {
      name: "enabled",
      type: "boolean",
      expr: "d.enabled",
      description: "Whether it is still fetched on schedule.",
    },
    {
      name: "version_count",
      type: "integer",
      expr: "(select count(*) from versions v where v.document_id = d.id)",
      shownByDefault: true,
      description: "Versions archived.",
    },
    {
      name: "created_at",
      type: "timestamp",
      expr: "d.created_at",
      sortable: true,
      description: "When it was added.",
    },
  ],
  filters: [
    platformFilter(),
    {
      param: "type",
      kind: "text",
      expr: "d.type_slug",
      example: "privacy-policy",
      description: "Document type slug (privacy-policy, terms-of-service…).",
    },
    enumFilter(
      "origin",
      ["declaration", "import", "maintainer"],
      "d.origin",
      "Where it came from.",
    ),
    searchFilter(["d.key", "d.type", "d.url"], "Words in the key, type or URL."),
  ],
};

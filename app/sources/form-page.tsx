import type { Document } from "@/db/schema";
import { DOCUMENT_TYPES, FETCHERS } from "@/scrapers/declarations/schema";
import type { SourceFormValues } from "./source-form";

export const TYPES = DOCUMENT_TYPES.map((t) => t.type);
export { FETCHERS };

const rules = (list: Document["select"]) =>
  !list || list.length === 0
    ? ""
    : list.every((r) => typeof r === "string")
      ? list.join("\n")
      : JSON.stringify(list.length === 1 ? list[0] : list);

export function valuesOf(doc: Document, platformSlug: string): SourceFormValues {
  return {
    platformSlug,
    type: doc.type,
    variant: doc.variant ?? "",
    url: doc.url ?? "",
    fetcher: doc.fetcher,
    select: rules(doc.select),
    remove: rules(doc.remove),
    locale: doc.locale,
    schedule: doc.schedule,
    executeClientScripts: doc.executeClientScripts,
    enabled: doc.enabled,
  };
}

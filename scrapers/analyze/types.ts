import type { CategorySlug } from "./taxonomy";
import type { Language } from "./text";

export type FindingKind =
  | "data_category_added"
  | "data_category_removed"
  | "recipient_added"
  | "recipient_removed"
  | "consent_deadline";

/** One detector result, with the exact passage that supports it. */
export interface Finding {
  kind: FindingKind;
  /** Taxonomy slug, for data_category_* findings. */
  category?: CategorySlug;
  /** Who receives the data, as the text names it, for recipient_* findings. */
  recipient?: string;
  /** YYYY-MM-DD, for consent_deadline findings. */
  date?: string;
  /** Verbatim passage: from the new version for additions and deadlines, the old one for removals. */
  excerpt: string;
}

export interface AnalyzeOptions {
  /** The new version's date: the reference for dates written without a year. */
  referenceDate: Date;
  /** Language of the texts; guessed from the text when omitted. */
  language?: Language;
  /**
   * Earlier versions of the same document (before `oldText`), when the caller has them.
   * A new text identical to one of them is a variant flapping back, not a change.
   */
  history?: readonly string[];
}

export interface AnalyzeResult {
  substantive: boolean;
  findings: Finding[];
}

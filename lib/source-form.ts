/** Validates a submitted source form: the declaration's fields, then the URL's target. */
import type { z } from "zod";
import { type SourceInput, sourceInput, sourceInputFromForm } from "@/db/queries/source-input";
import { sourceUrlProblem } from "@/scrapers/fetch/ssrf";

export type FieldErrors = Record<string, string>;

export async function validateSourceForm(
  form: FormData,
): Promise<{ input: SourceInput; errors: FieldErrors | null }> {
  const input = sourceInputFromForm(form);
  const parsed = sourceInput.safeParse(input);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of (parsed.error as z.ZodError).issues) {
      const key = String(issue.path[0] ?? "form");
      errors[key] ??= issue.message;
    }
  }
  if (!errors.url && input.url) {
    const problem = await sourceUrlProblem(input.url);
    if (problem) errors.url = `The URL ${problem}`;
  }
  return { input, errors: Object.keys(errors).length > 0 ? errors : null };
}

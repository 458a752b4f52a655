import { ZodError } from "zod";
import { createCuratedCase } from "@/db/queries/review";
import { isUniqueViolation } from "@/db/queries/types";
import { getDb } from "@/db/server";
import { backTo, guarded, wantsJson } from "@/lib/auth-guard";
import { formText, refused, zodMessage } from "@/lib/form-response";

/** Adds a curated partner-pressure case with its citation (maintainers). */
export const POST = guarded("maintainer", async (request, user) => {
  const form = await request.formData();
  const text = formText(form);
  try {
    const row = await createCuratedCase(
      await getDb(),
      {
        slug: text("slug") ?? "",
        title: text("title") ?? "",
        summary: text("summary") ?? "",
        dominantPlatformSlug: text("dominantPlatformSlug") ?? "",
        partner: text("partner") ?? "",
        leverage: (text("leverage") ?? "")
          .split("\n")
          .map((l) => l.trim())
          .filter(Boolean),
        startedOn: text("startedOn"),
        citations: [
          {
            title: text("citationTitle"),
            publisher: text("citationPublisher"),
            url: text("citationUrl"),
          },
        ],
      },
      user,
    );
    return wantsJson(request)
      ? Response.json({ slug: row.slug }, { status: 201 })
      : backTo(request, "/review", { ok: `Case ${row.slug} added` });
  } catch (error) {
    const message =
      error instanceof ZodError
        ? zodMessage(error)
        : isUniqueViolation(error)
          ? "A case with this slug already exists"
          : error instanceof Error && /Unknown platform/.test(error.message)
            ? error.message
            : undefined;
    if (!message) throw error;
    return refused(request, "/review", message);
  }
});

import { ZodError } from "zod";
import { createCuratedEvent } from "@/db/queries/review";
import { getDb } from "@/db/server";
import { backTo, guarded, wantsJson } from "@/lib/auth-guard";
import { formText, refused, zodMessage } from "@/lib/form-response";

/** Adds a curated event from public reporting, with its citation (maintainers). */
export const POST = guarded("maintainer", async (request, user) => {
  const form = await request.formData();
  const text = formText(form);
  try {
    const event = await createCuratedEvent(
      await getDb(),
      {
        kind: (text("kind") ?? "") as never,
        title: text("title") ?? "",
        summary: text("summary") ?? "",
        platformSlug: text("platformSlug"),
        occurredOn: text("occurredOn") ?? "",
        deadline: text("deadline"),
        citations: [
          {
            title: text("citationTitle"),
            publisher: text("citationPublisher"),
            url: text("citationUrl"),
            publishedOn: text("citationPublishedOn"),
          },
        ],
      },
      user,
    );
    return wantsJson(request)
      ? Response.json({ id: event.id }, { status: 201 })
      : backTo(request, `/review/events/${event.id}`, { ok: "Event added" });
  } catch (error) {
    const message =
      error instanceof ZodError
        ? zodMessage(error)
        : error instanceof Error && /Unknown (platform|case)/.test(error.message)
          ? error.message
          : undefined;
    if (!message) throw error;
    return refused(request, "/review", message);
  }
});

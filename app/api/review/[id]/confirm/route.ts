import { ZodError } from "zod";
import { ReviewError } from "@/db/queries/findings";
import { confirmFindingAs } from "@/db/queries/review";
import { getDb } from "@/db/server";
import { backTo, guarded, wantsJson } from "@/lib/auth-guard";

type Context = { params: Promise<{ id: string }> };

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
};

/** Confirms a detected finding: creates an event from it, or extends the chosen one. */
export const POST = guarded("maintainer", async (request, user, { params }: Context) => {
  const id = Number((await params).id);
  const form = await request.formData();
  try {
    const { eventId } = await confirmFindingAs(
      await getDb(),
      id,
      {
        eventId: field(form, "eventId") || undefined,
        title: field(form, "title"),
        summary: field(form, "summary"),
        kind: (field(form, "kind") || undefined) as never,
        excerpt: field(form, "excerpt"),
        deadline: field(form, "deadline"),
      },
      user,
    );
    return wantsJson(request)
      ? Response.json({ eventId })
      : backTo(request, `/review/events/${eventId}`, {
          ok: "Finding confirmed: the event is on the timeline. Edit it here if needed.",
        });
  } catch (error) {
    if (!(error instanceof ReviewError) && !(error instanceof ZodError)) throw error;
    const message =
      error instanceof ZodError ? (error.issues[0]?.message ?? "Invalid input") : error.message;
    return wantsJson(request)
      ? Response.json({ error: message }, { status: 400 })
      : backTo(request, "/review", { error: message });
  }
});

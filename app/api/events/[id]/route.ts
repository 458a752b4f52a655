import { ZodError } from "zod";
import { updateEvent } from "@/db/queries/review";
import { getDb } from "@/db/server";
import { backTo, guarded, wantsJson } from "@/lib/auth-guard";
import { refused, zodMessage } from "@/lib/form-response";

type Context = { params: Promise<{ id: string }> };

/** Edits an event (title, summary, dates, kind…); the audit log keeps from what to what. */
export const POST = guarded("maintainer", async (request, user, { params }: Context) => {
  const id = Number((await params).id);
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? "");
  try {
    const event = await updateEvent(
      await getDb(),
      id,
      {
        kind: text("kind") as never,
        title: text("title"),
        summary: text("summary"),
        occurredOn: text("occurredOn"),
        announcedOn: text("announcedOn"),
        deadline: text("deadline"),
        consequence: text("consequence"),
        status: (text("status") || "confirmed") as never,
        uncertain: form.get("uncertain") === "on",
        uncertainNote: text("uncertainNote"),
      },
      user,
    );
    if (!event) return Response.json({ error: "No such event" }, { status: 404 });
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const message = zodMessage(error);
    return refused(request, `/review/events/${id}`, message);
  }
  return wantsJson(request)
    ? Response.json({ id })
    : backTo(request, `/review/events/${id}`, { ok: "Event saved" });
});

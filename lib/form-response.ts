/** Shared by the form-posting route handlers: reading fields, and refusing bad input clearly. */
import type { ZodError } from "zod";
import { backTo, wantsJson } from "./auth-guard";

/** A form field, trimmed; undefined when missing or blank. */
export function formText(form: FormData) {
  return (name: string) => {
    const value = form.get(name);
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  };
}

/** One line naming each invalid field and what is wrong with it. */
export function zodMessage(error: ZodError) {
  return error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
}

/** A 400 with the message as JSON, or back to the form's page with it as a flash. */
export function refused(request: Request, backPath: string, message: string) {
  return wantsJson(request)
    ? Response.json({ error: message }, { status: 400 })
    : backTo(request, backPath, { error: message });
}

"use client";

import { useState } from "react";

export interface SourceFormValues {
  platformSlug: string;
  platformName?: string;
  type: string;
  variant?: string;
  url: string;
  fetcher: string;
  select: string;
  remove: string;
  locale: string;
  schedule: string;
  executeClientScripts: boolean;
  enabled: boolean;
}

/**
 * Add or edit a source. Posts to the route handler (which checks the role and validates every
 * field); with JavaScript the errors show next to their fields, without it the page reloads.
 */
export function SourceForm({
  action,
  values,
  types,
  platforms,
  fetchers,
  editing,
}: {
  action: string;
  values: SourceFormValues;
  types: string[];
  platforms: Array<{ slug: string; name: string }>;
  fetchers: readonly string[];
  editing: boolean;
}) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    try {
      const response = await fetch(action, {
        method: "POST",
        body: new FormData(event.currentTarget),
        headers: { accept: "application/json" },
      });
      const body = (await response.json().catch(() => ({}))) as {
        errors?: Record<string, string>;
        error?: string;
        location?: string;
      };
      if (response.ok && body.location) {
        window.location.assign(`${body.location}?ok=${encodeURIComponent("Source saved")}`);
        return;
      }
      setErrors(body.errors ?? { form: body.error ?? `The server refused (${response.status})` });
    } catch {
      setErrors({ form: "Could not reach the server" });
    } finally {
      setBusy(false);
    }
  }

  const err = (name: string) =>
    errors[name] ? <span className="field-error">{errors[name]}</span> : null;

  return (
    <form className="form" method="post" action={action} onSubmit={submit} noValidate>
      {errors.form ? (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="row">
        <label>
          Platform
          <span className="hint">An existing slug, or a new one (lowercase-with-hyphens)</span>
          <input
            type="text"
            name="platformSlug"
            list="platform-slugs"
            defaultValue={values.platformSlug}
            readOnly={editing}
            required
          />
          <datalist id="platform-slugs">
            {platforms.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </datalist>
          {err("platformSlug")}
        </label>
        {editing ? null : (
          <label>
            Platform name <span className="hint">for a new platform</span>
            <input type="text" name="platformName" defaultValue={values.platformName} />
            {err("platformName")}
          </label>
        )}
      </div>
      <div className="row">
        <label>
          Document type
          <select name="type" defaultValue={values.type}>
            {types.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
          {err("type")}
        </label>
        <label>
          Variant <span className="hint">optional, e.g. EEA</span>
          <input type="text" name="variant" defaultValue={values.variant} />
          {err("variant")}
        </label>
      </div>
      <label>
        URL
        <input type="url" name="url" defaultValue={values.url} required />
        {err("url")}
      </label>
      <div className="row">
        <label>
          Fetcher
          <select name="fetcher" defaultValue={values.fetcher}>
            {fetchers.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
          {err("fetcher")}
        </label>
        <label>
          Locale
          <input type="text" name="locale" defaultValue={values.locale} />
          {err("locale")}
        </label>
        <label>
          Schedule <span className="hint">cron, UTC; daily by default</span>
          <input type="text" name="schedule" defaultValue={values.schedule} />
          {err("schedule")}
        </label>
      </div>
      <label>
        Select <span className="hint">CSS selectors, one per line, or JSON for a range</span>
        <textarea name="select" defaultValue={values.select} />
        {err("select")}
      </label>
      <label>
        Remove <span className="hint">CSS selectors to drop, one per line</span>
        <textarea name="remove" defaultValue={values.remove} />
        {err("remove")}
      </label>
      <label className="check">
        <input
          type="checkbox"
          name="executeClientScripts"
          defaultChecked={values.executeClientScripts}
        />
        Run the page&apos;s scripts (browser fetcher)
      </label>
      <input type="hidden" name="enabledField" value="1" />
      <label className="check">
        <input type="checkbox" name="enabled" defaultChecked={values.enabled} />
        Enabled (runs on its schedule)
      </label>
      <p className="actions">
        <button type="submit" disabled={busy}>
          {busy ? "Saving…" : editing ? "Save changes" : "Add source"}
        </button>
      </p>
    </form>
  );
}

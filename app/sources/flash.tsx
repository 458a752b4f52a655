/** The one-line result of a form post (?ok= or ?error=), shown at the top of the page. */
export function Flash({ ok, error }: { ok?: string; error?: string }) {
  if (error) {
    return (
      <p className="flash error" role="alert">
        {error}
      </p>
    );
  }
  if (ok) {
    return (
      <p className="flash ok" role="status">
        {ok}
      </p>
    );
  }
  return null;
}

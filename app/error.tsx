"use client";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="state-page" role="alert">
      <h1>Something went wrong</h1>
      <p className="lede">
        This page could not be built from the archive just now. The archive itself is safe; try
        again in a moment.
      </p>
      {error.digest ? (
        <p className="muted">
          Reference: <code>{error.digest}</code>
        </p>
      ) : null}
      <button type="button" onClick={() => reset()}>
        Try again
      </button>
    </div>
  );
}

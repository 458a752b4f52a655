export default function Loading() {
  return (
    <div className="state-page" aria-busy="true" aria-live="polite">
      <p className="loading">Reading the archive…</p>
    </div>
  );
}

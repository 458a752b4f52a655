import Link from "next/link";

export default function NotFound() {
  return (
    <div className="state-page">
      <h1>Not in the archive</h1>
      <p className="lede">
        Nothing here: the address may be mistyped, or the item was never archived.
      </p>
      <p>
        <Link href="/">Overview</Link> · <Link href="/timeline">Timeline</Link> ·{" "}
        <Link href="/search">Search</Link>
      </p>
    </div>
  );
}

/** Filter fields several pages' filter forms share: the platform select and the date range. */

export function PlatformSelect({
  platforms,
  value,
  allLabel = "All",
}: {
  platforms: Array<{ slug: string; name: string }>;
  value: string | undefined;
  allLabel?: string;
}) {
  return (
    <label>
      Platform
      <select name="platform" defaultValue={value ?? ""}>
        <option value="">{allLabel}</option>
        {platforms.map((p) => (
          <option key={p.slug} value={p.slug}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function DateRangeFields({
  from,
  to,
}: {
  from: string | undefined;
  to: string | undefined;
}) {
  return (
    <>
      <label>
        From
        <input type="date" name="from" defaultValue={from ?? ""} />
      </label>
      <label>
        To
        <input type="date" name="to" defaultValue={to ?? ""} />
      </label>
    </>
  );
}

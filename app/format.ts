const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

export const formatDate = (value: Date | string | null | undefined) =>
  value ? dateFormat.format(new Date(value)) : "—";

export const formatNumber = (value: number) => new Intl.NumberFormat("en-GB").format(value);

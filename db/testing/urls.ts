/** The same server, another database. */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** The maintenance database of the server behind a URL, for CREATE/DROP DATABASE. */
export function adminUrlFrom(url: string): string {
  return databaseUrl(url, "postgres");
}

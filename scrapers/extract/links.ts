/**
 * Link and image targets. Relative URLs are resolved against the page's base (its URL, or its
 * <base href> resolved against it); same-page anchors ("#section") are kept as written, since
 * they point inside the document itself. Targets are made safe for a Markdown destination.
 */

export function baseUrl(
  pageUrl: string | undefined,
  baseHref: string | undefined,
): URL | undefined {
  if (pageUrl === undefined) return undefined;
  try {
    const page = new URL(pageUrl);
    return baseHref === undefined ? page : new URL(baseHref.trim(), page);
  } catch {
    return undefined;
  }
}

/** Parentheses and spaces would end a Markdown link destination early. */
const destination = (url: string): string =>
  /[\s()<>]/.test(url)
    ? url.replace(
        /[\s()<>]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
      )
    : url;

const CLOUDFLARE = "/cdn-cgi/l/email-protection";

export function resolveHref(href: string | undefined, base: URL | undefined): string | undefined {
  const raw = href?.trim();
  if (raw === undefined || raw === "" || /^javascript:/i.test(raw)) return undefined;
  // Cloudflare hides addresses behind a per-request XOR key: decoding them keeps the link stable
  // across fetches (and readable), instead of a fragment that changes every time.
  const cf = raw.indexOf(CLOUDFLARE);
  if (cf >= 0) {
    const email = cloudflareEmail(raw.slice(raw.indexOf("#", cf) + 1));
    if (email !== undefined) return destination(`mailto:${email}`);
  }
  if (raw.startsWith("#") || base === undefined) return destination(raw);
  try {
    return destination(new URL(raw, base).href);
  } catch {
    return destination(raw);
  }
}

/** An image's source, lazy-loading attributes included; data: URIs are not kept (they can weigh
 * a megabyte and say nothing as text). */
export function resolveSrc(
  attribs: Record<string, string>,
  base: URL | undefined,
): string | undefined {
  const candidates = [attribs.src, attribs["data-src"], attribs["data-lazy-src"]];
  const src = candidates.find(
    (s) => s !== undefined && s.trim() !== "" && !/^data:/i.test(s.trim()),
  );
  return src === undefined ? undefined : resolveHref(src, base);
}

/** Decodes Cloudflare's email obfuscation (first byte is the XOR key of the following ones). */
export function cloudflareEmail(hex: string): string | undefined {
  if (!/^(?:[0-9a-f]{2}){2,}$/i.test(hex)) return undefined;
  const key = Number.parseInt(hex.slice(0, 2), 16);
  const bytes = new Uint8Array(hex.length / 2 - 1);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = Number.parseInt(hex.slice(2 + 2 * i, 4 + 2 * i), 16) ^ key;
  }
  const email = new TextDecoder().decode(bytes);
  return /^[^\s@]+@[^\s@]+$/.test(email) ? email : undefined;
}

/**
 * The SSRF guard: a source's URL (and every redirect hop, and every request a browser page
 * makes) must be http(s) and must not reach a private, loopback, link-local or otherwise
 * internal address, whatever its name resolves to. Two layers:
 * - `checkPublicUrl` resolves the host and refuses internal answers (FetchOptions.checkUrl);
 * - `guardedDispatcher` checks the address actually connected to, so a name that resolves to a
 *   public address for the check and to 127.0.0.1 for the request (DNS rebinding) is refused too.
 * `TERMTRAIL_ALLOW_PRIVATE_URLS=1` turns it off (tests against 127.0.0.1 fixture servers, or an
 * intranet deployment that archives internal pages on purpose).
 */
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { Agent } from "undici";
import { ScrapeError } from "../errors";
import type { FetchOptions } from "./options";

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], // "this" network
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local (cloud metadata at 169.254.169.254)
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
  ["2001:db8::", 32], // documentation
  ["100::", 64], // discard
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

/** The IPv4 address inside an IPv4-mapped, -compatible or NAT64 IPv6 address, if any. */
function embeddedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex?.[1] && hex[2]) {
    const hi = Number.parseInt(hex[1], 16);
    const lo = Number.parseInt(hex[2], 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return undefined;
}

/** True for an address a public web page must never make us reach. */
export function isInternalAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const family = isIP(bare);
  if (family === 4) return blocked.check(bare, "ipv4");
  if (family === 6) {
    const v4 = embeddedIpv4(bare);
    if (v4) return blocked.check(v4, "ipv4");
    return blocked.check(bare, "ipv6");
  }
  return true; // not an address at all: refuse rather than guess
}

export function privateUrlsAllowed(env: Record<string, string | undefined> = process.env): boolean {
  return env.TERMTRAIL_ALLOW_PRIVATE_URLS === "1" || env.TERMTRAIL_ALLOW_PRIVATE_URLS === "true";
}

function refuse(url: URL, why: string): never {
  throw new ScrapeError("blocked", "url_private", `Refused ${url.href}: ${why}`);
}

export interface UrlGuardOptions {
  /** Exceptions, checked first (tests use it to let one fixture URL through). */
  allow?: (url: URL) => boolean;
  /** DNS resolution; default node's lookup. */
  resolve?: (host: string) => Promise<LookupAddress[]>;
}

/** A checkUrl hook: throws blocked/url_private when the URL is not http(s) or is internal. */
export function createUrlGuard(options: UrlGuardOptions = {}) {
  const resolve =
    options.resolve ?? ((host: string) => lookup(host, { all: true, verbatim: true }));
  return async (url: URL): Promise<void> => {
    if (options.allow?.(url)) return;
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      refuse(url, "only http(s) is fetched");
    }
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (isIP(host)) {
      if (isInternalAddress(host)) {
        refuse(url, `${host} is a private, loopback or link-local address`);
      }
      return;
    }
    let answers: LookupAddress[];
    try {
      answers = await resolve(host);
    } catch (error) {
      throw new ScrapeError("transient", "dns", `Could not resolve ${host}`, { cause: error });
    }
    const inside = answers.find((a) => isInternalAddress(a.address));
    if (inside) refuse(url, `${host} resolves to ${inside.address}, a private or local address`);
  };
}

export const checkPublicUrl = createUrlGuard();

/** An undici dispatcher that refuses to connect to an internal address, whatever DNS said. */
export function guardedDispatcher(): Agent {
  return new Agent({
    connect: {
      lookup(hostname, options, callback) {
        dnsLookup(hostname, { ...options, all: true, verbatim: true }, (error, addresses) => {
          if (error) return callback(error, "", 0);
          const list = addresses as unknown as LookupAddress[];
          const inside = list.find((a) => isInternalAddress(a.address));
          if (inside) {
            return callback(
              new Error(`${hostname} resolves to ${inside.address}, a private or local address`),
              "",
              0,
            );
          }
          if ((options as { all?: boolean }).all) {
            return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
          }
          const first = list[0];
          if (!first) return callback(new Error(`No address for ${hostname}`), "", 0);
          callback(null, first.address, first.family);
        });
      },
    },
  });
}

let sharedDispatcher: Agent | undefined;

/**
 * The fetch options that apply the guard, or none when TERMTRAIL_ALLOW_PRIVATE_URLS is set.
 * The worker passes these to every fetch.
 */
export function ssrfFetchOptions(
  env: Record<string, string | undefined> = process.env,
): FetchOptions {
  if (privateUrlsAllowed(env)) return {};
  sharedDispatcher ??= guardedDispatcher();
  return { checkUrl: checkPublicUrl, dispatcher: sharedDispatcher };
}

/** For forms: the reason a source URL is refused, or undefined when it may be saved. */
export async function sourceUrlProblem(
  raw: string,
  env: Record<string, string | undefined> = process.env,
): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "must be a full URL (https://…)";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "must be an http(s) URL";
  if (url.username || url.password) return "must not carry a user name or password";
  if (privateUrlsAllowed(env)) return undefined;
  try {
    await checkPublicUrl(url);
  } catch (error) {
    return error instanceof ScrapeError && error.code === "url_private"
      ? "must not point at a private, loopback or link-local address"
      : `could not be resolved (${(error as Error).message})`;
  }
  return undefined;
}

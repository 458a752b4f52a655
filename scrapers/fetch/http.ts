/** The plain HTTP fetcher: the page as the server sends it, no scripts run. */
import { decodeBody } from "./charset";
import { errorForStatus } from "./failures";
import { httpGet } from "./http-client";
import type { ResolvedOptions } from "./options";
import { assertRobotsAllow } from "./robots";
import type { Capture } from "./types";
import { assertNotWall } from "./walls";

const HTML_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

/** Vets a URL before it is requested: the caller's checkUrl hook first, then robots.txt. */
export function vetUrl(options: ResolvedOptions) {
  return async (url: URL) => {
    await options.checkUrl(url);
    await assertRobotsAllow(url, options);
  };
}

export async function fetchHttp(
  url: URL,
  options: ResolvedOptions,
  accept: string = HTML_ACCEPT,
): Promise<Capture> {
  const response = await httpGet(url, {
    timeoutMs: options.timeoutMs,
    maxBytes: options.maxBytes,
    maxRedirects: options.maxRedirects,
    userAgent: options.userAgent,
    accept,
    dispatcher: options.dispatcher,
    beforeHop: vetUrl(options),
  });
  const failure = errorForStatus(
    response.status,
    response.url.href,
    response.headers["retry-after"],
  );
  if (failure) throw failure;
  const contentType = response.headers["content-type"] ?? "";
  const { text } = decodeBody(response.body, contentType);
  if (options.detectWalls && /html|^$/i.test(contentType.split(";")[0]?.trim() ?? "")) {
    assertNotWall(text, response.headers, response.url.href);
  }
  return {
    body: response.body,
    text,
    contentType,
    finalUrl: response.url.href,
    status: response.status,
    headers: response.headers,
    fetchedAt: response.fetchedAt,
  };
}

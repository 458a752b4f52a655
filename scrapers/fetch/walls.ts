/**
 * Spotting a bot or cookie wall: a 200 that is really "prove you're human" or "enable
 * cookies", not the document. Deliberately narrow — only *small* pages are considered, since
 * real policies talk about cookies and JavaScript at length and must never be rejected.
 */
import { ScrapeError } from "../errors";

/** Pages with more visible text than this are never taken for a wall. */
const MAX_WALL_TEXT = 1500;

const WALL_PHRASES = [
  /\b(please )?enable cookies\b/i,
  /\bcookies? (are|is) (disabled|required|not enabled)\b/i,
  /\b(please )?enable javascript\b/i,
  /\bjavascript is (disabled|required)\b/i,
  /\bare you a (robot|human)\b/i,
  /\bverify(ing)? (that )?you are (a )?human\b/i,
  /\bcaptcha\b/i,
  /\bjust a moment\.\.\./i,
  /\bchecking (if the site connection is secure|your browser)\b/i,
  /\baccess (to this page has been )?denied\b/i,
  /\bunusual traffic\b/i,
];

/** Visible text of an HTML page, roughly: scripts, styles and tags dropped, space collapsed. */
export function roughVisibleText(html: string): string {
  return html
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The wall's tell-tale phrase if this looks like a bot/cookie wall, else undefined. */
export function detectWall(html: string, headers: Record<string, string> = {}): string | undefined {
  if (headers["cf-mitigated"] === "challenge") return "cf-mitigated: challenge";
  const text = roughVisibleText(html);
  if (text.length > MAX_WALL_TEXT) return undefined;
  for (const phrase of WALL_PHRASES) {
    const match = phrase.exec(text);
    if (match) return match[0];
  }
  return undefined;
}

/** Throws blocked/bot_wall if the page looks like a wall. */
export function assertNotWall(html: string, headers: Record<string, string>, url: string): void {
  const tell = detectWall(html, headers);
  if (tell) {
    throw new ScrapeError("blocked", "bot_wall", `${url} looks like a bot/cookie wall ("${tell}")`);
  }
}

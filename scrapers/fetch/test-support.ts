/** Shared bits for the fetch stage's tests. */
import { expect } from "vitest";
import { type ErrorClass, ScrapeError } from "../errors";
import type { FetchOptions } from "./options";

/** Fast settings: no politeness pause, short deadline. */
export const FAST: FetchOptions = { hostDelayMs: 0, timeoutMs: 3000 };

/** Awaits a promise that must reject with a ScrapeError of this class and code; returns it. */
export async function expectScrapeError(
  promise: Promise<unknown>,
  errorClass: ErrorClass,
  code: string,
): Promise<ScrapeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected a rejection").toBeInstanceOf(ScrapeError);
  const scrapeError = error as ScrapeError;
  expect({ errorClass: scrapeError.errorClass, code: scrapeError.code }).toEqual({
    errorClass,
    code,
  });
  return scrapeError;
}

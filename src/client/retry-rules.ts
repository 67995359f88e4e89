/** When a call is repeated, the same for every transport. */

/** Waiting longer than this for a `Retry-After` would hold a checkout page hostage. */
export const MAX_RETRY_AFTER_MS = 10_000;
/** Retried for idempotent calls; a `429` is retried once for any call. */
export const RETRIED_STATUS_CODES = [408, 429, 500, 502, 503, 504];
/** Answers whose `Retry-After` says how long to wait before the retry. */
export const RETRY_AFTER_STATUS_CODES = [429, 503];
export const BACKOFF_LIMIT_MS = 2000;

/** The wait before retry number `retry` (from 1) when the answer named none: 300 ms, doubling, at most 2 s. */
export const backoffMs = (retry: number): number => Math.min(300 * 2 ** (retry - 1), BACKOFF_LIMIT_MS);

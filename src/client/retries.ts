import { VoucherifyNetworkError } from '../errors/network-error.js';
import { apiError, readJson, retryAfterMs, type Call } from './http-call.js';
import type { Answer } from './senders.js';

/** When a call is repeated, and the loop that repeats it. */

/** Waiting longer than this for a `Retry-After` would hold a checkout page hostage. */
const MAX_RETRY_AFTER_MS = 10_000;
/** Retried for idempotent calls, after a network error too. */
const RETRIED_STATUS_CODES = [408, 500, 502, 503, 504];
/** Answers whose `Retry-After` says how long to wait before the retry. */
const RETRY_AFTER_STATUS_CODES = [429, 503];
const BACKOFF_LIMIT_MS = 2000;

/** The wait before retry number `retry` (from 1) when the answer named none: 300 ms, doubling, at most 2 s. */
const backoffMs = (retry: number): number => Math.min(300 * 2 ** (retry - 1), BACKOFF_LIMIT_MS);

/** One request of the call: its whole answer, whatever the status; it rejects when none came. */
export type Attempt = () => Promise<Answer>;

/**
Sends the call and reads its answer, repeating it when that is safe. A `429` means the call was not processed, so
any call may repeat it once; everything else is retried only for idempotent calls (`retries` times), where
repeating cannot redeem or record twice. A timeout or the caller's abort ends the call.
*/
export async function sendWithRetries<T>(call: Call, idempotent: boolean, retries: number, attempt: Attempt): Promise<T> {
	try {
		for (let retried = 0, rateLimited = 0; ; ) {
			let response: Answer | undefined;
			let failure: unknown;
			try {
				response = await attempt();
			} catch (error) {
				if (call.signal.aborted) throw call.signal.reason;
				const reason = error instanceof Error ? error.message : String(error);
				failure = new VoucherifyNetworkError(`Could not reach the Voucherify API (${reason})`, call.failed, { cause: error });
			}
			const status = response?.status ?? 0;
			if (status > 199 && status < 300) return readJson<T>(response!, call);

			const isRateLimit = status === 429 && ++rateLimited === 1;
			const isRetriable = failure !== undefined || RETRIED_STATUS_CODES.includes(status);
			if (!isRateLimit && !(idempotent && retried < retries && isRetriable)) throw failure ?? apiError(response!, call);

			if (!isRateLimit) retried += 1;
			const named = RETRY_AFTER_STATUS_CODES.includes(status) ? retryAfterMs(response!.headers.get('Retry-After')) : undefined;
			const wait = named === undefined ? backoffMs(retried + rateLimited) : Math.min(named, MAX_RETRY_AFTER_MS);
			await call.unlessAborted(new Promise((resolve) => setTimeout(resolve, wait)));
		}
	} finally {
		call.end();
	}
}

import { VoucherifyNetworkError } from '../errors/network-error.js';
import { VoucherifyTimeoutError } from '../errors/timeout-error.js';
import { apiError, apiHeaders, readJson, retryAfterSeconds, startCall, type Call } from './http-shared.js';
import type { NormalizedOptions } from './options.js';
import { MAX_RETRY_AFTER_MS, RETRIED_STATUS_CODES, RETRY_AFTER_STATUS_CODES, backoffMs } from './retry-rules.js';
import type { ApiRequest, Transport } from './transport.js';

/**
The script-tag build's transport: the rules of transport.ts (timeouts, retries, `Retry-After`, error classes) on
plain `fetch`, without the ~4.3 KB gzip ky adds. scripts/lib/script-tag-swaps.mjs puts it in place of transport.ts for that build
only, and the `unit-script-tag` vitest project runs the unit suite through it.
*/

/** Waits, unless the caller aborts first. */
const sleep = (ms: number, signal: AbortSignal | undefined) =>
	new Promise<void>((resolve, reject) => {
		const stop = () => {
			clearTimeout(timer);
			reject(signal?.reason);
		};
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', stop);
			resolve();
		}, ms);
		signal?.addEventListener('abort', stop, { once: true });
	});

/** One attempt: a timeout for the answer, then the caller's signal and the connection's failures mapped. */
async function attempt(init: RequestInit, fetchWith: typeof fetch | undefined, { failed, timeout, signal }: Call) {
	const controller = new AbortController();
	const forward = () => controller.abort(signal?.reason);
	signal?.addEventListener('abort', forward, { once: true });
	const timer = setTimeout(() => controller.abort(new VoucherifyTimeoutError(failed, timeout)), timeout);
	try {
		return await (fetchWith ?? fetch)(failed.url, { ...init, signal: controller.signal });
	} catch (error) {
		if (signal?.aborted) throw signal.reason;
		if (controller.signal.reason instanceof VoucherifyTimeoutError) throw controller.signal.reason;
		const reason = error instanceof Error ? error.message : String(error);
		throw new VoucherifyNetworkError(`Could not reach the Voucherify API (${reason})`, failed, { cause: error });
	} finally {
		clearTimeout(timer);
		signal?.removeEventListener('abort', forward);
	}
}

export function createTransport(options: NormalizedOptions): Transport {
	const headers = apiHeaders(options);

	return {
		async send<T>(request: ApiRequest): Promise<T> {
			const call = startCall(options, request);
			const hasBody = request.json !== undefined;
			const init: RequestInit = {
				method: call.failed.method,
				headers: { ...headers, ...request.headers, ...(hasBody && { 'Content-Type': 'application/json' }) },
				...(hasBody && { body: JSON.stringify(request.json) }),
			};
			const idempotent = request.method !== 'post';

			for (let retries = 0, rateLimitRetries = 0; ; ) {
				let response: Response | undefined;
				let failure: unknown;
				try {
					response = await attempt(init, options.fetch, call);
				} catch (error) {
					if (!(error instanceof VoucherifyNetworkError)) throw error;
					failure = error;
				}
				if (response?.ok) return readJson<T>(response, call);

				const status = response?.status ?? 0;
				const rateLimited = status === 429 && ++rateLimitRetries === 1;
				const retriable = failure !== undefined || (status !== 429 && RETRIED_STATUS_CODES.includes(status));
				const retried = rateLimited || (idempotent && retries < options.retry && retriable);
				if (!retried) throw failure ?? (await apiError(response!, call));

				const retryAfter = RETRY_AFTER_STATUS_CODES.includes(status) ? retryAfterSeconds(response!.headers.get('Retry-After')) : undefined;
				if (!rateLimited) retries += 1;
				// The answer we retry past is never read: release its connection.
				void response?.body?.cancel().catch(() => undefined);
				const wait = retryAfter === undefined ? backoffMs(retries + rateLimitRetries) : Math.min(retryAfter * 1000, MAX_RETRY_AFTER_MS);
				await sleep(wait, request.signal);
			}
		},
	};
}

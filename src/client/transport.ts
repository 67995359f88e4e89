import ky, { HTTPError, TimeoutError, type KyInstance, type RetryOptions } from 'ky';
import { VoucherifyNetworkError } from '../errors/network-error.js';
import { VoucherifyTimeoutError } from '../errors/timeout-error.js';
import { apiError, apiHeaders, readJson, startCall, type Call } from './http-shared.js';
import type { NormalizedOptions } from './options.js';
import { BACKOFF_LIMIT_MS, MAX_RETRY_AFTER_MS, RETRIED_STATUS_CODES, RETRY_AFTER_STATUS_CODES, backoffMs } from './retry-rules.js';

export type ApiRequest = {
	method: 'get' | 'post' | 'put';
	/** Path under `/client/v1`, without a leading slash. */
	path: string;
	/** An already encoded query string, without `?`. */
	query?: string;
	json?: unknown;
	headers?: Record<string, string>;
	signal?: AbortSignal | undefined;
};

export type Transport = {
	send<T>(request: ApiRequest): Promise<T>;
};


/**
A `429` means the call was not processed, so any call may repeat it once; everything else is retried only
for idempotent calls, where repeating cannot redeem or record twice. Made per call: it counts that call's 429s.
*/
function retryPolicy(idempotent: boolean, retries: number): RetryOptions {
	let rateLimitRetries = 0;
	return {
		limit: idempotent ? retries + 1 : 1,
		methods: ['get', 'post', 'put'],
		statusCodes: RETRIED_STATUS_CODES,
		afterStatusCodes: RETRY_AFTER_STATUS_CODES,
		maxRetryAfter: MAX_RETRY_AFTER_MS,
		delay: backoffMs,
		backoffLimit: BACKOFF_LIMIT_MS,
		shouldRetry({ error, retryCount }) {
			if (error instanceof HTTPError && error.response.status === 429) return ++rateLimitRetries === 1 ? undefined : false;
			return idempotent && retryCount - rateLimitRetries <= retries ? undefined : false;
		},
	};
}

/**
The one place the SDK talks HTTP: a configured ky instance plus the mapping of failures to our error classes.
The script-tag build swaps in fetch-transport.ts, which keeps these rules without ky (scripts/lib/script-tag-swaps.mjs).
*/
export function createTransport(options: NormalizedOptions): Transport {
	const http: KyInstance = ky.create({
		prefixUrl: `${options.apiUrl}/client/v1`,
		timeout: options.timeout,
		headers: apiHeaders(options),
		...(options.fetch ? { fetch: options.fetch } : {}),
	});

	return {
		async send<T>(request: ApiRequest): Promise<T> {
			const call = startCall(options, request);
			const input = request.query ? `${request.path}?${request.query}` : request.path;

			let response: Response;
			try {
				response = await http(input, {
					method: request.method,
					retry: retryPolicy(request.method !== 'post', options.retry),
					// ky reads an explicit `undefined` as "remove": pass only what is set.
					...(request.signal && { signal: request.signal }),
					...(request.headers && { headers: request.headers }),
					...(request.json !== undefined && { json: request.json }),
				});
			} catch (error) {
				throw await toVoucherifyError(error, call);
			}
			return readJson<T>(response, call);
		},
	};
}

async function toVoucherifyError(error: unknown, call: Call): Promise<unknown> {
	const { failed, timeout, signal } = call;
	if (signal?.aborted) return signal.reason;
	if (error instanceof TimeoutError) return new VoucherifyTimeoutError(failed, timeout);
	if (error instanceof HTTPError) return apiError(error.response, call);
	const reason = error instanceof Error ? error.message : String(error);
	return new VoucherifyNetworkError(`Could not reach the Voucherify API (${reason})`, failed, { cause: error });
}

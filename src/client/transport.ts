import ky, { HTTPError, TimeoutError, type KyInstance, type RetryOptions } from 'ky';
import { VoucherifyApiError, type ApiErrorBody, type FailedRequest } from '../errors/api-error.js';
import { VoucherifyNetworkError } from '../errors/network-error.js';
import { VoucherifyRateLimitError } from '../errors/rate-limit-error.js';
import { VoucherifyTimeoutError } from '../errors/timeout-error.js';
import { SDK_VERSION } from '../version.js';
import { isPlainObject } from './input.js';
import type { NormalizedOptions } from './options.js';

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

/** Waiting longer than this for a `Retry-After` would hold a checkout page hostage. */
const MAX_RETRY_AFTER_MS = 10_000;
const RETRIED_STATUS_CODES = [408, 429, 500, 502, 503, 504];

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
		afterStatusCodes: [429, 503],
		maxRetryAfter: MAX_RETRY_AFTER_MS,
		backoffLimit: 2000,
		shouldRetry({ error, retryCount }) {
			if (error instanceof HTTPError && error.response.status === 429) return ++rateLimitRetries === 1 ? undefined : false;
			return idempotent && retryCount - rateLimitRetries <= retries ? undefined : false;
		},
	};
}

/** The one place the SDK talks HTTP: a configured ky instance plus the mapping of failures to our error classes. */
export function createTransport(options: NormalizedOptions): Transport {
	const http: KyInstance = ky.create({
		prefixUrl: `${options.apiUrl}/client/v1`,
		timeout: options.timeout,
		headers: {
			...options.headers,
			'X-Client-Application-Id': options.clientApplicationId,
			'X-Client-Token': options.clientToken,
			'X-Voucherify-Channel': `voucherify-browser/${SDK_VERSION}`,
			Accept: 'application/json',
		},
		...(options.fetch ? { fetch: options.fetch } : {}),
	});

	return {
		async send<T>(request: ApiRequest): Promise<T> {
			const input = request.query ? `${request.path}?${request.query}` : request.path;
			const failed: FailedRequest = { method: request.method.toUpperCase(), url: `${options.apiUrl}/client/v1/${input}` };
			if (request.signal?.aborted) throw request.signal.reason;
			if (typeof navigator !== 'undefined' && navigator.onLine === false) {
				throw new VoucherifyNetworkError('The browser is offline: no request was sent', failed);
			}

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
				throw await toVoucherifyError(error, failed, options.timeout, request.signal);
			}
			return readJson<T>(response, failed, options.timeout);
		},
	};
}

async function toVoucherifyError(error: unknown, failed: FailedRequest, timeout: number, signal?: AbortSignal): Promise<unknown> {
	if (signal?.aborted) return signal.reason;
	if (error instanceof TimeoutError) return new VoucherifyTimeoutError(failed, timeout);
	if (error instanceof HTTPError) {
		const { status, headers } = error.response;
		const body = await readErrorBody(error.response, failed, timeout);
		if (status !== 429) return new VoucherifyApiError(status, body, failed);
		return new VoucherifyRateLimitError(body, failed, retryAfterSeconds(headers.get('Retry-After')));
	}
	const reason = error instanceof Error ? error.message : String(error);
	return new VoucherifyNetworkError(`Could not reach the Voucherify API (${reason})`, failed, { cause: error });
}

/** `Retry-After` is seconds or an HTTP date (RFC 9110); a missing or unreadable one is `undefined`. */
function retryAfterSeconds(header: string | null): number | undefined {
	if (header === null || header.trim() === '') return undefined;
	const seconds = /^\s*\d+\s*$/.test(header) ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
	return Number.isFinite(seconds) ? Math.max(0, Math.ceil(seconds)) : undefined;
}

async function readErrorBody(response: Response, failed: FailedRequest, timeout: number): Promise<ApiErrorBody> {
	try {
		const body: unknown = JSON.parse(await readText(response, failed, timeout));
		if (isPlainObject(body)) return body as ApiErrorBody;
	} catch {
		// A proxy's HTML error page, a cut or stalled connection: describe it from the status instead.
	}
	return { code: response.status, message: `The Voucherify API answered ${response.status} ${response.statusText}`.trim() };
}

/** ky's timeout ends when the headers arrive; this one bounds the body, so an answer that stalls midway cannot hang the call. */
async function readText(response: Response, failed: FailedRequest, timeout: number): Promise<string> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const expired = new Promise<never>((_resolve, reject) => {
		timer = setTimeout(() => reject(new VoucherifyTimeoutError(failed, timeout)), timeout);
	});
	try {
		return await Promise.race([response.text(), expired]);
	} catch (error) {
		if (error instanceof VoucherifyTimeoutError) throw error;
		throw new VoucherifyNetworkError('The connection dropped while reading the answer', failed, { cause: error });
	} finally {
		clearTimeout(timer);
	}
}

async function readJson<T>(response: Response, failed: FailedRequest, timeout: number): Promise<T> {
	const text = await readText(response, failed, timeout);
	// Only the consents PUT answers without a body; any other call would resolve with `undefined` as its result.
	if (response.status === 204 || (text === '' && failed.method === 'PUT')) return undefined as T;
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		// Described below, like a body that parses to something other than an object.
	}
	// Every answer of the client API is an object: `null`, a number or a list would reach the caller as a result.
	if (isPlainObject(body)) return body as T;
	throw new VoucherifyApiError(
		response.status,
		{ code: response.status, key: 'invalid_response', message: 'The Voucherify API answered with a body that is not a JSON object' },
		failed,
	);
}

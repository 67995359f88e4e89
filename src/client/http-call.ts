import { VoucherifyApiError, type ApiErrorBody, type FailedRequest } from '../errors/api-error.js';
import { VoucherifyNetworkError } from '../errors/network-error.js';
import { VoucherifyRateLimitError } from '../errors/rate-limit-error.js';
import { VoucherifyTimeoutError } from '../errors/timeout-error.js';
import { SDK_VERSION } from '../version.js';
import { isPlainObject } from './input.js';
import type { NormalizedOptions } from './options.js';
import type { ApiRequest } from './api-request.js';
import type { Answer } from './senders.js';

/** Around each request: the headers, the checks before sending, reading answers and naming failures. */

/** The headers of every call: the caller's extras, then the keys, which they cannot override. */
export const apiHeaders = (options: NormalizedOptions): Record<string, string> => ({
	...options.headers,
	'X-Client-Application-Id': options.clientApplicationId,
	'X-Client-Token': options.clientToken,
	'X-Voucherify-Channel': `voucherify-browser/${SDK_VERSION}`,
	Accept: 'application/json',
});

/**
One call across its attempts. Its controller is what every request and body read listens to: the caller's abort
and a timeout both abort it, so no connection outlives either.
*/
export type Call = {
	failed: FailedRequest;
	timeout: number;
	signal: AbortSignal;
	/** Aborts the call's requests with this reason. */
	abort(reason: unknown): void;
	/** Settles as `promise` does, or rejects with the abort's reason once the call aborts, even if `promise` never settles. */
	unlessAborted<T>(promise: Promise<T>): Promise<T>;
	/** Stops listening to the caller's signal. */
	end(): void;
};

/** Opens the call once the checks that need no network pass: a live signal, an online browser. */
export function openCall(options: NormalizedOptions, request: ApiRequest): Call {
	const url = `${options.apiUrl}/client/v1/${request.query ? `${request.path}?${request.query}` : request.path}`;
	const failed: FailedRequest = { method: request.method.toUpperCase(), url };
	const caller = request.signal;
	if (caller?.aborted) throw caller.reason;
	if (typeof navigator !== 'undefined' && navigator.onLine === false) {
		throw new VoucherifyNetworkError('The browser is offline: no request was sent', failed);
	}
	const controller = new AbortController();
	const { signal } = controller;
	const forward = () => controller.abort(caller?.reason);
	// A signal aborts once: its listeners need no `once`.
	caller?.addEventListener('abort', forward);
	// One listener for the whole call, made on its first step, whose promise every step races.
	let aborted: Promise<never> | undefined;
	return {
		failed,
		timeout: options.timeout,
		signal,
		abort: (reason) => controller.abort(reason),
		unlessAborted: (promise) =>
			Promise.race([promise, (aborted ??= new Promise<never>((_, reject) => (signal.aborted ? reject(signal.reason) : signal.addEventListener('abort', () => reject(signal.reason)))))]),
		end: () => caller?.removeEventListener('abort', forward),
	};
}

/** Runs `step` with the call's `timeout`: past it, the call aborts with a `VoucherifyTimeoutError`. */
export async function withinTimeout<T>(call: Call, step: () => Promise<T>): Promise<T> {
	const timer = setTimeout(() => call.abort(new VoucherifyTimeoutError(call.failed, call.timeout)), call.timeout);
	try {
		return await call.unlessAborted(step());
	} finally {
		clearTimeout(timer);
	}
}

/** The error a non-2xx answer stands for: a rate-limit error for a `429`, an API error otherwise. */
export function apiError({ status, headers, body }: Answer, { failed }: Call): VoucherifyApiError {
	// A body that is not the API's error object, such as a proxy's HTML page, is described from the status.
	const error: ApiErrorBody = parseObject(body) ?? { code: status };
	if (status !== 429) return new VoucherifyApiError(status, error, failed);
	const waitMs = retryAfterMs(headers.get('Retry-After'));
	return new VoucherifyRateLimitError(error, failed, waitMs === undefined ? undefined : Math.ceil(waitMs / 1000));
}

/** `Retry-After` in milliseconds: seconds (`120`, `1.5`) or an HTTP date (RFC 9110); missing or unreadable is `undefined`. */
export function retryAfterMs(header: string | null): number | undefined {
	if (header === null) return undefined;
	const ms = /^\s*\d+(\.\d+)?\s*$/.test(header) ? Number(header) * 1000 : /[a-z]/i.test(header) ? Date.parse(header) - Date.now() : Number.NaN;
	return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

/** The JSON object `text` holds, or `undefined` for anything else: not JSON, or JSON `null`, a number, a list. */
function parseObject(text: string): Record<string, unknown> | undefined {
	try {
		const body: unknown = JSON.parse(text);
		return isPlainObject(body) ? body : undefined;
	} catch {
		return undefined;
	}
}

export function readJson<T>({ status, body }: Answer, { failed }: Call): T {
	// Only the consents PUT answers without a body; any other call would resolve with `undefined` as its result.
	if (status === 204 || (body === '' && failed.method === 'PUT')) return undefined as T;
	// Every answer of the client API is an object: `null`, a number or a list would reach the caller as a result.
	const object = parseObject(body);
	if (object) return object as T;
	throw new VoucherifyApiError(
		status,
		{ code: status, key: 'invalid_response', message: 'The Voucherify API answered with a body that is not a JSON object' },
		failed,
	);
}

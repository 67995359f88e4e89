import { VoucherifyApiError, type ApiErrorBody, type FailedRequest } from '../errors/api-error.js';
import { VoucherifyNetworkError } from '../errors/network-error.js';
import { VoucherifyRateLimitError } from '../errors/rate-limit-error.js';
import { VoucherifyTimeoutError } from '../errors/timeout-error.js';
import { SDK_VERSION } from '../version.js';
import { isPlainObject } from './input.js';
import type { NormalizedOptions } from './options.js';
import type { ApiRequest } from './transport.js';

/** What both transports share: the headers, the checks before sending, reading answers and naming failures. */

/** The headers of every call: the caller's extras, then the keys, which they cannot override. */
export const apiHeaders = (options: NormalizedOptions): Record<string, string> => ({
	...options.headers,
	'X-Client-Application-Id': options.clientApplicationId,
	'X-Client-Token': options.clientToken,
	'X-Voucherify-Channel': `voucherify-browser/${SDK_VERSION}`,
	Accept: 'application/json',
});

/** What reading an answer needs to know of its call: how errors name it, its time limit, the caller's signal. */
export type Call = { failed: FailedRequest; timeout: number; signal: AbortSignal | undefined };

/** The call, once the checks that need no network pass: a live signal, an online browser. */
export function startCall(options: NormalizedOptions, request: ApiRequest): Call {
	const url = `${options.apiUrl}/client/v1/${request.query ? `${request.path}?${request.query}` : request.path}`;
	const failed: FailedRequest = { method: request.method.toUpperCase(), url };
	if (request.signal?.aborted) throw request.signal.reason;
	if (typeof navigator !== 'undefined' && navigator.onLine === false) {
		throw new VoucherifyNetworkError('The browser is offline: no request was sent', failed);
	}
	return { failed, timeout: options.timeout, signal: request.signal };
}

/** The error a non-2xx answer stands for: a rate-limit error for a `429`, an API error otherwise. */
export async function apiError(response: Response, call: Call): Promise<VoucherifyApiError> {
	const body = await readErrorBody(response, call);
	if (response.status !== 429) return new VoucherifyApiError(response.status, body, call.failed);
	return new VoucherifyRateLimitError(body, call.failed, retryAfterSeconds(response.headers.get('Retry-After')));
}

/** `Retry-After` is seconds or an HTTP date (RFC 9110); a missing or unreadable one is `undefined`. */
export function retryAfterSeconds(header: string | null): number | undefined {
	if (header === null || header.trim() === '') return undefined;
	const seconds = /^\s*\d+\s*$/.test(header) ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
	return Number.isFinite(seconds) ? Math.max(0, Math.ceil(seconds)) : undefined;
}

async function readErrorBody(response: Response, call: Call): Promise<ApiErrorBody> {
	try {
		const body: unknown = JSON.parse(await readText(response, call));
		if (isPlainObject(body)) return body as ApiErrorBody;
	} catch {
		// A proxy's HTML error page, a cut or stalled connection: described from the status instead.
		if (call.signal?.aborted) throw call.signal.reason;
	}
	return { code: response.status, message: `The Voucherify API answered ${response.status} ${response.statusText}`.trim() };
}

/**
The headers may come in time and the body stall: the body gets its own `timeout`, so a call cannot hang, and the
caller's signal still stops it.
*/
async function readText(response: Response, { failed, timeout, signal }: Call): Promise<string> {
	if (signal?.aborted) throw signal.reason;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let stop: (() => void) | undefined;
	const interrupted = new Promise<never>((_resolve, reject) => {
		timer = setTimeout(() => reject(new VoucherifyTimeoutError(failed, timeout)), timeout);
		stop = () => reject(signal?.reason);
		signal?.addEventListener('abort', stop, { once: true });
	});
	try {
		return await Promise.race([response.text(), interrupted]);
	} catch (error) {
		if (signal?.aborted) throw signal.reason;
		if (error instanceof VoucherifyTimeoutError) throw error;
		throw new VoucherifyNetworkError('The connection dropped while reading the answer', failed, { cause: error });
	} finally {
		clearTimeout(timer);
		if (stop) signal?.removeEventListener('abort', stop);
	}
}

export async function readJson<T>(response: Response, call: Call): Promise<T> {
	const { failed } = call;
	const text = await readText(response, call);
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

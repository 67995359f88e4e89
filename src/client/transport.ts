import ky, { type KyInstance } from 'ky';
import { VoucherifyNetworkError } from '../errors/network-error.js';
import { apiHeaders, openCall, withinTimeout } from './http-shared.js';
import type { NormalizedOptions } from './options.js';
import { sendWithRetries } from './retries.js';

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
The one place the npm build talks HTTP: one configured ky instance makes each request, and the shared rules handle
timeouts, retries and errors (http-shared.ts, retries.ts). The script-tag build swaps in fetch-transport.ts, the same rules on
plain fetch (scripts/lib/script-tag-swaps.mjs).
*/
export function createTransport(options: NormalizedOptions): Transport {
	const { fetch: fetchWith } = options;
	const http: KyInstance = ky.create({
		headers: apiHeaders(options),
		// Timeouts, retries and error answers are the shared rules' to handle, the same as in the script tag.
		timeout: false,
		retry: 0,
		throwHttpErrors: false,
		// Called as a plain function: a browser's `fetch` refuses any other `this` ("Illegal invocation").
		...(fetchWith && { fetch: (input: RequestInfo | URL, init?: RequestInit) => fetchWith(input, init) }),
	});

	return {
		async send<T>(request: ApiRequest): Promise<T> {
			const call = openCall(options, request);
			return sendWithRetries<T>(call, request.method !== 'post', options.retry, async () => {
				try {
					return await withinTimeout(call, () =>
						http(call.failed.url, {
							method: request.method,
							signal: call.signal,
							// ky reads an explicit `undefined` as "remove": pass only what is set.
							...(request.headers && { headers: request.headers }),
							...(request.json !== undefined && { json: request.json }),
						}),
					);
				} catch (error) {
					if (call.signal.aborted) throw call.signal.reason;
					const reason = error instanceof Error ? error.message : String(error);
					throw new VoucherifyNetworkError(`Could not reach the Voucherify API (${reason})`, call.failed, { cause: error });
				}
			});
		},
	};
}

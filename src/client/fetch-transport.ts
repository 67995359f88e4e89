import { VoucherifyNetworkError } from '../errors/network-error.js';
import { apiHeaders, openCall, withinTimeout } from './http-shared.js';
import type { NormalizedOptions } from './options.js';
import { sendWithRetries } from './retries.js';
import type { ApiRequest, Transport } from './transport.js';

/**
The script-tag build's transport: the rules of transport.ts (timeouts, retries, `Retry-After`, error classes) on
plain `fetch`, without the ~4.3 KB gzip ky adds. scripts/lib/script-tag-swaps.mjs puts it in place of transport.ts
for that build only, and the `unit-script-tag` vitest project runs the unit suite through it.
*/
export function createTransport(options: NormalizedOptions): Transport {
	const headers = apiHeaders(options);

	return {
		async send<T>(request: ApiRequest): Promise<T> {
			const call = openCall(options, request);
			const hasBody = request.json !== undefined;
			const init: RequestInit = {
				method: call.failed.method,
				headers: { ...headers, ...request.headers, ...(hasBody && { 'Content-Type': 'application/json' }) },
				...(hasBody && { body: JSON.stringify(request.json) }),
				signal: call.signal,
			};
			return sendWithRetries<T>(call, request.method !== 'post', options.retry, async () => {
				try {
					return await withinTimeout(call, () => (options.fetch ?? fetch)(call.failed.url, init));
				} catch (error) {
					if (call.signal.aborted) throw call.signal.reason;
					const reason = error instanceof Error ? error.message : String(error);
					throw new VoucherifyNetworkError(`Could not reach the Voucherify API (${reason})`, call.failed, { cause: error });
				}
			});
		},
	};
}

import type { ApiRequest, Transport } from './api-request.js';
import { apiHeaders, openCall, withinTimeout } from './http-call.js';
import type { NormalizedOptions } from './options.js';
import { sendWithRetries } from './retries.js';

/**
The one place the SDK talks HTTP, the same in every build: plain `fetch` (or the `fetch` option) makes each request,
and the shared rules handle timeouts, retries and errors (http-call.ts, retries.ts).
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
				keepalive: request.keepalive,
			};
			// `fetch` called as a plain function: a browser's refuses any other `this` ("Illegal invocation").
			return sendWithRetries<T>(call, request.method !== 'post' || !!request.idempotent, options.retry, () =>
				withinTimeout(call, () => (options.fetch ?? fetch)(call.failed.url, init)),
			);
		},
	};
}

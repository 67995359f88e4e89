import { inBrowser } from '../shared/environment.js';
import type { ApiRequest, Transport } from './api-request.js';
import { apiHeaders, openCall, withinTimeout } from './http-call.js';
import type { NormalizedOptions } from './options.js';
import { sendWithRetries } from './retries.js';
import { sendByFetch, sendByXhr } from './senders.js';

/**
The one place the SDK talks HTTP, the same in every build. In a page `XMLHttpRequest` makes each request, but for
those that must outlive the page (`keepalive`); `fetch` makes those, and every request outside a page (a worker,
Node) or where the `fetch` option is given. The shared rules handle timeouts, retries and errors (http-call.ts,
retries.ts).
*/
export function createTransport(options: NormalizedOptions): Transport {
	const headers = apiHeaders(options);

	return {
		async send<T>(request: ApiRequest): Promise<T> {
			const call = openCall(options, request);
			const hasBody = request.json !== undefined;
			const init = {
				method: call.failed.method,
				headers: { ...headers, ...request.headers, ...(hasBody && { 'Content-Type': 'application/json' }) },
				...(hasBody && { body: JSON.stringify(request.json) }),
				signal: call.signal,
				keepalive: request.keepalive,
			};
			// `fetch` looked up per call and called as a plain function: a browser's refuses any other `this` ("Illegal invocation").
			const send = options.fetch || request.keepalive || !inBrowser() ? sendByFetch(options.fetch ?? fetch) : sendByXhr;
			return sendWithRetries<T>(call, request.method !== 'post' || !!request.idempotent, options.retry, () =>
				withinTimeout(call, () => send(call.failed.url, init)),
			);
		},
	};
}

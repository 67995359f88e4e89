/** The two ways a request goes out, each answering with the whole answer read. */

/** An answer as the SDK reads it: the status, the headers, and the body read in full. */
export type Answer = {
	status: number;
	headers: Pick<Headers, 'get'>;
	body: string;
};

/** Sends one request and reads its whole answer; rejects when there is none (no connection, or it broke mid-way). */
export type Sender = (url: string, init: RequestInit & { headers: Record<string, string>; signal: AbortSignal }) => Promise<Answer>;

/** By `fetch`: the one way for a request that must outlive the page (`keepalive`), and for a `fetch` option. */
export const sendByFetch =
	(fetchImplementation: typeof fetch): Sender =>
	async (url, init) => {
		const response = await fetchImplementation(url, init);
		return { status: response.status, headers: response.headers, body: await response.text() };
	};

/**
By `XMLHttpRequest`, which browsers answer sooner than `fetch` (README "Latency"): every other request in a page.
It rejects with a `TypeError` as `fetch` does; the signal aborts it.
*/
export const sendByXhr: Sender = (url, init) =>
	new Promise((resolve, reject) => {
		const xhr = new XMLHttpRequest();
		xhr.onload = () => resolve({ status: xhr.status, headers: { get: (name) => xhr.getResponseHeader(name) }, body: xhr.responseText });
		xhr.onerror = xhr.onabort = () => reject(new TypeError('Network error'));
		xhr.open(init.method!, url);
		for (const name in init.headers) xhr.setRequestHeader(name, init.headers[name]!);
		init.signal.addEventListener('abort', () => xhr.abort());
		xhr.send(init.body as XMLHttpRequestBodyInit | undefined);
	});

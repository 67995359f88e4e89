import type { SetupServer } from 'msw/node';

/** One request as msw intercepted it. */
export type RecordedRequest = {
	method: string;
	url: URL;
	headers: Headers;
	/** Resolves to the raw body text ('' for none). */
	body: Promise<string>;
};

/** Appends every request the server intercepts to `requests`, including those answered by `server.use()` overrides. */
export function recordRequests(server: SetupServer, requests: RecordedRequest[]): void {
	server.events.on('request:start', ({ request }) => {
		requests.push({
			method: request.method,
			url: new URL(request.url),
			headers: new Headers(request.headers),
			body: request.clone().text(),
		});
	});
}

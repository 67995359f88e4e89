import type { SetupServer } from 'msw/node';

/** One request as msw intercepted it. */
export type RecordedRequest = {
	method: string;
	url: URL;
	headers: Headers;
	/** Resolves to the raw body text ('' for none). */
	body: Promise<string>;
	/** The body text once read (msw has read it by the time the call it belongs to settles). */
	bodyText?: string;
};

/** Appends every request the server intercepts to `requests`, including those answered by `server.use()` overrides. */
export function recordRequests(server: SetupServer, requests: RecordedRequest[]): void {
	server.events.on('request:start', ({ request }) => {
		const recorded: RecordedRequest = {
			method: request.method,
			url: new URL(request.url),
			headers: new Headers(request.headers),
			body: request.clone().text(),
		};
		void recorded.body.then((text) => (recorded.bodyText = text));
		requests.push(recorded);
	});
}

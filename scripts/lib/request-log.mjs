import { createServer, request as forward } from 'node:http';

/**
A transparent HTTP proxy in front of the mock API that records every request, CORS preflights included,
which the browser's own request events do not report: method, path, headers and body (the body is complete once
the request has been forwarded). Shared by the benchmark and the end-to-end suite.
*/
export async function startRequestLog(targetUrl) {
	const target = new URL(targetUrl);
	const requests = [];
	const server = createServer((incoming, outgoing) => {
		const entry = { method: incoming.method ?? 'GET', path: incoming.url ?? '/', headers: { ...incoming.headers }, body: '' };
		requests.push(entry);
		const chunks = [];
		incoming.on('data', (chunk) => chunks.push(chunk));
		incoming.on('end', () => (entry.body = Buffer.concat(chunks).toString('utf8')));
		const upstream = forward(
			{ host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
			(answer) => {
				outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(outgoing);
			},
		);
		upstream.on('error', () => outgoing.destroy());
		incoming.pipe(upstream);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}`,
		requests,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

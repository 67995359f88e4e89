import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type LoggedRequest = { method: string; path: string };

/**
A transparent HTTP proxy in front of the mock API that records every request, CORS preflights included,
which the browser's own request events do not report.
*/
export async function startRequestLog(targetUrl: string): Promise<{ url: string; requests: LoggedRequest[]; close(): Promise<void> }> {
	const target = new URL(targetUrl);
	const requests: LoggedRequest[] = [];
	const server: Server = createServer((incoming, outgoing) => {
		requests.push({ method: incoming.method ?? 'GET', path: incoming.url ?? '/' });
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
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

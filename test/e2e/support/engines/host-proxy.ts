import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
The browsers' HTTP proxy: requests for the test hosts (shop.test, *.shop.test, api.test) go to the same port on
127.0.0.1; anything else, and every CONNECT tunnel, is refused and recorded, so nothing leaves loopback.
*/
export type HostProxy = { port: number; refused: string[]; close(): Promise<void> };

const isTestHost = (host: string) => host === 'shop.test' || host.endsWith('.shop.test') || host === 'api.test';

export async function startHostProxy(): Promise<HostProxy> {
	const refused: string[] = [];
	const server: Server = createServer((incoming, outgoing) => {
		let target: URL;
		try {
			target = new URL(incoming.url ?? '', 'http://unknown.invalid');
		} catch {
			outgoing.writeHead(400).end();
			return;
		}
		if (!isTestHost(target.hostname)) {
			refused.push(`${incoming.method} ${target.origin}`);
			outgoing.writeHead(502, { 'Content-Type': 'text/plain' }).end('refused: off loopback');
			return;
		}
		const upstream = forward(
			{ host: '127.0.0.1', port: target.port || 80, method: incoming.method, path: `${target.pathname}${target.search}`, headers: incoming.headers },
			(answer) => {
				outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(outgoing);
			},
		);
		upstream.on('error', () => outgoing.destroy());
		incoming.pipe(upstream);
	});
	server.on('connect', (request, socket) => {
		refused.push(`CONNECT ${request.url}`);
		socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		port: (server.address() as AddressInfo).port,
		refused,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One custom event as the API took it: its name, the visitor it names, its metadata, and the status the API answered. */
export type DeliveredEvent = {
	event: string;
	sourceId: string | undefined;
	metadata: Record<string, unknown>;
	status: number;
};

/**
A proxy in front of the API that keeps the body of every `POST /client/v1/events` the API answered, so a test counts
the events that really arrived (a request the browser cancelled, or never started, is not there). The events' CORS
preflight can be slowed down: a page that goes while it is in flight loses a request that has no `keepalive`.
*/
export async function startEventLog(
	targetUrl: string,
	/** Holds back the answer to the CORS preflight of `/client/v1/events` this long, as a distant API's round trip does. */
	{ preflightDelayMs = 0 }: { preflightDelayMs?: number } = {},
): Promise<{ url: string; events: DeliveredEvent[]; inFlight(): number; close(): Promise<void> }> {
	const target = new URL(targetUrl);
	const events: DeliveredEvent[] = [];
	let inFlight = 0;
	const server: Server = createServer((incoming, outgoing) => {
		const isEvents = incoming.url?.startsWith('/client/v1/events') ?? false;
		// An events request (its preflight included) the proxy has begun to receive and not yet answered.
		if (isEvents) {
			inFlight += 1;
			outgoing.once('close', () => (inFlight -= 1));
		}
		const chunks: Buffer[] = [];
		incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
		incoming.on('end', async () => {
			if (incoming.method === 'OPTIONS' && isEvents) await new Promise((resolve) => setTimeout(resolve, preflightDelayMs));
			const body = Buffer.concat(chunks);
			const upstream = forward({ host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
				if (incoming.method === 'POST' && isEvents) {
					const json = JSON.parse(body.toString('utf8')) as { event: string; customer?: { source_id?: string }; metadata?: Record<string, unknown> };
					events.push({ event: json.event, sourceId: json.customer?.source_id, metadata: json.metadata ?? {}, status: answer.statusCode ?? 0 });
				}
				outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(outgoing);
			});
			upstream.on('error', () => outgoing.destroy());
			upstream.end(body);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		events,
		inFlight: () => inFlight,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

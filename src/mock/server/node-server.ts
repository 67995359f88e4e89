import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { getResponse, type RequestHandler } from 'msw';
import { readLimitedBody, toFetchRequest } from './incoming';

/** A running mock server. */
export interface RunningMockServer {
	/** `http://HOST:PORT`, without a trailing slash. */
	readonly url: string;
	readonly host: string;
	readonly port: number;
	/** Stops listening and closes open connections, keep-alive ones included. */
	close(): Promise<void>;
}

/** What the Node server needs from the mock. */
export interface NodeServerOptions {
	readonly port: number;
	readonly host: string;
	readonly bodyLimitBytes: number;
	/** The handlers for requests on `url`, built once the port is known. */
	readonly handlersFor: (url: string) => readonly RequestHandler[];
	/** The answer when no handler can be found for a request, or a request cannot be read as one. */
	readonly fallback: (request: Request) => Response;
	/** The body of a `400`/`431` for a request too malformed to parse. */
	readonly malformedRequestBody: (status: number) => string;
}

const formatUrl = (host: string, port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

async function writeResponse(response: ServerResponse, answer: Response, closeAfter: boolean): Promise<void> {
	const body = new Uint8Array(await answer.arrayBuffer());
	response.statusCode = answer.status;
	answer.headers.forEach((value, name) => response.setHeader(name, value));
	if (closeAfter) response.setHeader('Connection', 'close');
	response.end(body.byteLength > 0 ? body : undefined);
}

/**
 * Serves msw handlers over `node:http`: each incoming request becomes a Fetch `Request`, msw's
 * `getResponse` answers it with the same handlers tests use, and the `Response` is written back.
 */
export async function startNodeServer(options: NodeServerOptions): Promise<RunningMockServer> {
	let handlers: readonly RequestHandler[] = [];
	let origin = '';

	async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const body = await readLimitedBody(request, options.bodyLimitBytes);
		let fetchRequest: Request | undefined;
		let reply: Response | undefined;
		try {
			fetchRequest = toFetchRequest(request, origin, body);
			reply = await getResponse([...handlers], fetchRequest);
		} catch {
			// Paths msw cannot decode (`%E0%A4%A`) and methods Fetch refuses (`TRACE`) match no route.
		}
		await writeResponse(response, reply ?? options.fallback(fetchRequest ?? new Request(origin)), !body.complete);
		if (!body.complete) response.once('finish', () => request.destroy());
	}

	const server = createServer((request, response) => {
		answer(request, response).catch(() => response.destroy());
	});
	server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
		if (!socket.writable) return socket.destroy();
		const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
		const body = options.malformedRequestBody(status);
		socket.end(`HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, options.host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.address() as AddressInfo;
	const url = formatUrl(options.host, port);
	origin = url;
	handlers = options.handlersFor(url);

	return {
		url,
		host: options.host,
		port,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}

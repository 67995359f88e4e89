import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { getResponse, type RequestHandler } from 'msw';
import { isInternalHeader, RESET_HEADER } from './connection.js';
import { readLimitedBody, toFetchRequest } from './incoming.js';
import { headerBytes, originInRawRequest, rawAnswer } from './raw-answer.js';

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
	/** A request not fully received in this time is answered `408` and its connection closed. */
	readonly requestTimeoutMs: number;
	/** The same for the headers alone; at most `requestTimeoutMs`. */
	readonly headersTimeoutMs: number;
	/** The handlers for requests on `url`, built once the port is known. */
	readonly handlersFor: (url: string) => readonly RequestHandler[];
	/** The answer when no handler can be found for a request, or a request cannot be read as one. */
	readonly fallback: (request: Request) => Response;
	/**
	 * The body and extra headers (CORS, when `origin` is allowed) of a `400`/`408`/`431` for a request
	 * too malformed, too slow or too large to reach a handler; `origin` is `null` when it is not known.
	 */
	readonly refusal: (status: number, origin: string | null) => { readonly body: string; readonly headers: Readonly<Record<string, string>> };
}

/**
 * Request line and headers above this get `431`, answered by the server with the request's CORS
 * headers. Node's default limit; Node itself parses up to {@link HEADER_PARSE_LIMIT_BYTES}, so the
 * `Origin` of an oversized request (a long validate URL) is known when it is refused.
 */
export const HEADER_LIMIT_BYTES = 16 * 1024;
const HEADER_PARSE_LIMIT_BYTES = 256 * 1024;

const formatUrl = (host: string, port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

/** Writes the status line, the headers and half the body, then destroys the socket: an answer lost mid-way. */
function cutMidBody(response: ServerResponse, body: Uint8Array): void {
	response.setHeader('Content-Length', body.byteLength);
	// Destroyed only once the half is flushed, so the client always reads the status line first.
	response.write(body.subarray(0, Math.floor(body.byteLength / 2)), () => response.socket?.destroy());
}

async function writeResponse(request: IncomingMessage, response: ServerResponse, answer: Response, closeAfter: boolean): Promise<void> {
	// `Response.error()`: a network error, so no answer at all.
	if (answer.type === 'error') return void request.socket.destroy();
	const body = new Uint8Array(await answer.arrayBuffer());
	response.statusCode = answer.status;
	answer.headers.forEach((value, name) => {
		if (!isInternalHeader(name)) response.setHeader(name, value);
	});
	if (answer.headers.has(RESET_HEADER)) return cutMidBody(response, body);
	if (closeAfter) response.setHeader('Connection', 'close');
	response.end(body.byteLength > 0 ? body : undefined);
}

/** Node checks request and headers timeouts on this beat (30 s by default, too coarse for a 1 s timeout). */
const checkingInterval = (headersTimeoutMs: number) => Math.max(50, Math.min(1000, Math.floor(headersTimeoutMs / 4)));

/**
 * Serves msw handlers over `node:http`: each incoming request becomes a Fetch `Request`, msw's
 * `getResponse` answers it with the same handlers tests use, and the `Response` is written back.
 */
export async function startNodeServer(options: NodeServerOptions): Promise<RunningMockServer> {
	let handlers: readonly RequestHandler[] = [];
	let origin = '';
	/** The request being answered on each socket, so a late timeout never writes a second status line and knows the origin. */
	const answering = new WeakMap<Duplex, { readonly request: IncomingMessage; readonly response: ServerResponse }>();

	/** Answers `431` before reading the body, then closes the connection (the body is never read). */
	function refuseOversized(request: IncomingMessage, response: ServerResponse): void {
		const { body, headers } = options.refusal(431, request.headers.origin ?? null);
		response.writeHead(431, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), Connection: 'close' });
		response.end(body, () => request.destroy());
	}

	async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
		// A preflight must answer 2xx for the browser to send the call itself and read its 431.
		if (request.method !== 'OPTIONS' && headerBytes(request.method ?? '', request.url ?? '', request.rawHeaders) > HEADER_LIMIT_BYTES) {
			return refuseOversized(request, response);
		}
		const gone = new AbortController();
		response.once('close', () => {
			if (!response.writableFinished) gone.abort();
		});
		const body = await readLimitedBody(request, options.bodyLimitBytes);
		let fetchRequest: Request | undefined;
		let reply: Response | undefined;
		try {
			fetchRequest = toFetchRequest(request, origin, body, gone.signal);
			reply = await getResponse([...handlers], fetchRequest);
		} catch {
			// Paths msw cannot decode (`%E0%A4%A`) and methods Fetch refuses (`TRACE`) match no route.
		}
		await writeResponse(request, response, reply ?? options.fallback(fetchRequest ?? new Request(origin)), !body.complete);
		if (!body.complete) response.once('finish', () => request.destroy());
	}

	const server = createServer(
		{
			requestTimeout: options.requestTimeoutMs,
			headersTimeout: options.headersTimeoutMs,
			connectionsCheckingInterval: checkingInterval(options.headersTimeoutMs),
			maxHeaderSize: HEADER_PARSE_LIMIT_BYTES,
		},
		(request, response) => {
			answering.set(request.socket, { request, response });
			response.once('close', () => {
				if (answering.get(request.socket)?.response === response) answering.delete(request.socket);
			});
			answer(request, response).catch(() => response.destroy());
		},
	);
	server.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
		const current = answering.get(socket);
		if (!socket.writable || current?.response.headersSent) return socket.destroy();
		const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
		// A stalled body: its headers were read. Otherwise only the raw bytes may tell.
		const origin = current ? (current.request.headers.origin ?? null) : originInRawRequest(error.rawPacket);
		const { body, headers } = options.refusal(status, origin);
		socket.end(rawAnswer(status, body, headers));
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

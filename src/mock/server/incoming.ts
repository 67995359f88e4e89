import type { IncomingMessage } from 'node:http';
import { ADDRESS_HEADER, isInternalHeader, normalizeAddress } from './connection.js';

/** Past this, the server stops reading and closes the connection after answering. */
export const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

/** Headers that describe one hop of the connection, not the request. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade', 'proxy-connection', 'te', 'trailer', 'host']);

/** A request body read up to a limit. */
export interface LimitedBody {
	/** At most `limitBytes + 1` bytes: enough for the handler to see the body is too large. */
	readonly bytes: Uint8Array<ArrayBuffer>;
	/** False when the client sent more than `DRAIN_LIMIT_BYTES` and the rest was not read. */
	readonly complete: boolean;
}

/**
 * Reads a body while enforcing the limit: bytes past `limitBytes + 1` are read and dropped rather
 * than kept, so an oversize body costs no memory and the client, having sent it all, reads a clean
 * 400 instead of a reset connection. Only past `DRAIN_LIMIT_BYTES` does reading stop.
 */
export function readLimitedBody(request: IncomingMessage, limitBytes: number): Promise<LimitedBody> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let kept = 0;
		let seen = 0;
		const finish = (complete: boolean) => {
			request.off('data', onData);
			resolve({ bytes: Buffer.concat(chunks), complete });
		};
		const onData = (chunk: Buffer) => {
			seen += chunk.length;
			const room = limitBytes + 1 - kept;
			if (room > 0) {
				const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
				chunks.push(part);
				kept += part.length;
			}
			if (seen > DRAIN_LIMIT_BYTES) {
				request.pause();
				finish(false);
			}
		};
		request.on('data', onData);
		request.once('end', () => finish(true));
		request.once('error', reject);
		// After `end` this is a no-op; before it, the client went away mid-body.
		request.once('close', () => reject(new Error('The connection closed before the request body ended')));
	});
}

/**
 * Converts an incoming Node request to a Fetch `Request` on `origin`, whatever `Host` header it came
 * with. It carries the socket's remote address (never one the client claims) and a signal that
 * aborts when the client goes away before its answer is written.
 */
export function toFetchRequest(request: IncomingMessage, origin: string, body: LimitedBody, signal: AbortSignal): Request {
	const headers = new Headers();
	for (let index = 0; index + 1 < request.rawHeaders.length; index += 2) {
		const name = request.rawHeaders[index] ?? '';
		if (!HOP_BY_HOP.has(name.toLowerCase()) && !isInternalHeader(name)) headers.append(name, request.rawHeaders[index + 1] ?? '');
	}
	headers.set(ADDRESS_HEADER, normalizeAddress(request.socket.remoteAddress));
	const method = request.method ?? 'GET';
	const path = request.url?.startsWith('/') ? request.url : `/${request.url ?? ''}`;
	const hasBody = method !== 'GET' && method !== 'HEAD' && body.bytes.byteLength > 0;
	return new Request(`${origin}${path}`, { method, headers, signal, ...(hasBody ? { body: body.bytes } : {}) });
}

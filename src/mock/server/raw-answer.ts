import { STATUS_CODES } from 'node:http';

/**
 * The `Origin` header in the raw bytes of a request Node could not parse, if they hold one: a best
 * effort, so an allowed page still reads the error instead of a CORS failure.
 */
export function originInRawRequest(packet: Buffer | undefined): string | null {
	if (!packet) return null;
	const match = /\r\norigin:[ \t]*([^\r\n]*)/i.exec(packet.toString('latin1'));
	return match?.[1]?.trim() || null;
}

/** A whole HTTP/1.1 answer, for writing straight to a socket whose request never reached a handler. */
export function rawAnswer(status: number, body: string, headers: Readonly<Record<string, string>>): string {
	const lines = [
		`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
		...Object.entries(headers).map(([name, value]) => `${name}: ${value.replace(/[\r\n]/g, '')}`),
		'Content-Type: application/json; charset=utf-8',
		`Content-Length: ${Buffer.byteLength(body)}`,
		'Connection: close',
	];
	return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** The bytes of a request's line and headers, counted as Node's own header limit counts them (near enough). */
export const headerBytes = (method: string, url: string, rawHeaders: readonly string[]): number =>
	rawHeaders.reduce((sum, part) => sum + Buffer.byteLength(part) + 2, Buffer.byteLength(method) + Buffer.byteLength(url) + 12);

import { connect } from 'node:net';
import { describe, expect, test } from 'vitest';
import { CLIENT_KEYS, SHOP_ORIGIN, useHttpMock } from './support.js';

/**
 * Answers the node server writes itself (the request never reached a handler) carry the same CORS
 * headers as the handlers' answers when the origin is allowed, so a page reads the error instead of
 * a network failure. Over real HTTP.
 */

const OTHER_ORIGIN = 'https://evil.test';
const KEY_HEADERS = Object.entries(CLIENT_KEYS).map(([name, value]) => `${name}: ${value}\r\n`).join('');

/** A validate of 300 items, as the SDK builds it: about 40 KB of URL. */
const longValidatePath = (): string => {
	const items = Array.from({ length: 300 }, (_, index) => `item%5B${index}%5D%5Bproduct_id%5D=prod_${'p'.repeat(80)}${index}&item%5B${index}%5D%5Bquantity%5D=1`);
	return `/client/v1/validate?code=WELCOME10&${items.join('&')}`;
};

/** Writes `text` on a raw connection and resolves with everything received until the server closes it. */
function rawExchange(port: number, text: string): Promise<string> {
	return new Promise((resolve) => {
		let received = '';
		const socket = connect(port, '127.0.0.1', () => socket.write(text));
		socket.on('data', (chunk) => (received += chunk.toString()));
		socket.on('error', () => undefined);
		socket.once('close', () => resolve(received));
	});
}

const headerOf = (received: string, name: string): string | undefined =>
	new RegExp(`\\r\\n${name}: ([^\\r\\n]*)`, 'i').exec(received.slice(0, received.indexOf('\r\n\r\n')))?.[1];

describe('CORS on the answers the server writes itself', () => {
	const target = useHttpMock({ requestTimeoutMs: 1000, headersTimeoutMs: 1000 });
	const port = () => Number(new URL(target.baseUrl).port);

	test('an oversized URL from an allowed origin gets 431 with the error body, the origin echoed and Retry-After exposed', async () => {
		const path = longValidatePath();
		expect(path.length).toBeGreaterThan(40_000);
		const response = await fetch(`${target.baseUrl}${path}`, { headers: { ...CLIENT_KEYS, Origin: SHOP_ORIGIN } });
		expect(response.status).toBe(431);
		expect(response.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
		expect(response.headers.get('access-control-allow-credentials')).toBe('true');
		expect(response.headers.get('access-control-expose-headers')).toContain('Retry-After');
		expect(await response.json()).toMatchObject({ code: 431, key: 'invalid_payload', message: 'Request header fields too large' });
	});

	test('the same oversized URL from an origin not on the allow-list gets no CORS headers', async () => {
		const response = await fetch(`${target.baseUrl}${longValidatePath()}`, { headers: { ...CLIENT_KEYS, Origin: OTHER_ORIGIN } });
		expect(response.status).toBe(431);
		expect(response.headers.get('access-control-allow-origin')).toBeNull();
		await response.body?.cancel();
	});

	test('a malformed request from an allowed origin gets 400 with CORS headers', async () => {
		const received = await rawExchange(port(), `GET /client/v1/validate?code=X HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: ${SHOP_ORIGIN}\r\nBad Header Name: 1\r\n\r\n`);
		expect(received.slice(0, received.indexOf('\r\n'))).toBe('HTTP/1.1 400 Bad Request');
		expect(headerOf(received, 'Access-Control-Allow-Origin')).toBe(SHOP_ORIGIN);
		expect(headerOf(received, 'Access-Control-Expose-Headers')).toContain('Retry-After');
	});

	test('a stalled body from an allowed origin gets 408 with CORS headers', async () => {
		const received = await rawExchange(
			port(),
			`POST /client/v1/validations HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: ${SHOP_ORIGIN}\r\n${KEY_HEADERS}Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"redeemab`,
		);
		expect(received.slice(0, received.indexOf('\r\n'))).toBe('HTTP/1.1 408 Request Timeout');
		expect(headerOf(received, 'Access-Control-Allow-Origin')).toBe(SHOP_ORIGIN);
	});

	test('a stalled body from another origin gets 408 without CORS headers', async () => {
		const received = await rawExchange(port(), `POST /client/v1/validations HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: ${OTHER_ORIGIN}\r\nContent-Length: 1000\r\n\r\n{`);
		expect(received.slice(0, received.indexOf('\r\n'))).toBe('HTTP/1.1 408 Request Timeout');
		expect(headerOf(received, 'Access-Control-Allow-Origin')).toBeUndefined();
	});
});

describe('CORS on rate-limited answers', () => {
	const target = useHttpMock({ rateLimit: { limit: 1, windowMs: 60_000 } });

	test('a 429 exposes Retry-After to the page', async () => {
		const call = () => fetch(`${target.baseUrl}/client/v1/validate?code=WELCOME10`, { headers: { ...CLIENT_KEYS, Origin: SHOP_ORIGIN } });
		await (await call()).text();
		const limited = await call();
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
		expect(limited.headers.get('access-control-expose-headers')).toContain('Retry-After');
		expect(limited.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
		await limited.text();
	});
});

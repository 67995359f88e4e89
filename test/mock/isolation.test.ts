import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMockApi, type MockApiOptions } from '../../src/mock/index.js';
import { CLIENT_KEYS, clientCall, validate, type Answer } from './support.js';

/**
 * Hostile traffic does not hurt other clients: while one client sends a 1 MB body, two play slowloris
 * (headers trickled and never finished; a body never finished) and two send malformed HTTP and JSON,
 * a normal client's validations still succeed. Everything runs at once, in `beforeAll`; each test
 * checks one outcome. The timeouts are shortened so the slow clients are cut off within seconds.
 */

const HEADERS_TIMEOUT_MS = 1000;
const REQUEST_TIMEOUT_MS = 2000;
const NORMAL_CALLS = 20;
const ONE_MEGABYTE_BODY = JSON.stringify({ redeemables: [{ object: 'voucher', id: 'WELCOME10' }], padding: 'x'.repeat(1024 * 1024) });
const KEY_HEADERS = Object.entries(CLIENT_KEYS).map(([name, value]) => `${name}: ${value}\r\n`).join('');

/** A raw connection: what it received until the server closed it. */
interface RawClient {
	readonly socket: Socket;
	readonly closed: Promise<string>;
}

function rawClient(port: number, onConnect: (socket: Socket) => void): RawClient {
	const socket = connect(port, '127.0.0.1', () => onConnect(socket));
	let received = '';
	socket.on('data', (chunk) => (received += chunk.toString()));
	// A write racing the server's close fails with EPIPE or ECONNRESET; the close is what is under test.
	socket.on('error', () => undefined);
	const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(received)));
	return { socket, closed };
}

/** Headers sent one byte every 50 ms, never ending with the blank line. */
function slowHeaders(port: number): RawClient {
	const text = `GET /client/v1/validate?code=SAVE5 HTTP/1.1\r\nHost: 127.0.0.1\r\n${KEY_HEADERS}X-Padding: ${'p'.repeat(10_000)}`;
	let timer: NodeJS.Timeout | undefined;
	const client = rawClient(port, (socket) => {
		let sent = 0;
		timer = setInterval(() => {
			if (!socket.destroyed && sent < text.length) socket.write(text[sent++] ?? '');
		}, 50);
	});
	void client.closed.then(() => clearInterval(timer));
	return client;
}

/** Complete headers announcing 1,000 bytes of body, then 10 bytes, then nothing. */
const slowBody = (port: number): RawClient =>
	rawClient(port, (socket) =>
		socket.write(`POST /client/v1/validations HTTP/1.1\r\nHost: 127.0.0.1\r\n${KEY_HEADERS}Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"redeemab`),
	);

const notHttp = (port: number): RawClient => rawClient(port, (socket) => socket.write('NONSENSE\r\n\r\n'));

const statusLine = (received: string) => received.slice(0, received.indexOf('\r\n'));
const bodyOf = (received: string): unknown => JSON.parse(received.slice(received.indexOf('\r\n\r\n') + 4));

describe('hostile clients do not hurt a normal one', () => {
	const api = createMockApi({ requestTimeoutMs: REQUEST_TIMEOUT_MS, headersTimeoutMs: HEADERS_TIMEOUT_MS });
	const target = { api, baseUrl: '' };
	let close: (() => Promise<void>) | undefined;
	const normal: Answer[] = [];
	let hostileOpenWhenNormalStarted = false;
	let oversize: Answer;
	let malformedJson: Answer;
	let slowHeadersReceived = '';
	let slowBodyReceived = '';
	let notHttpReceived = '';
	let afterwards: Answer;

	beforeAll(async () => {
		const server = await api.start({ port: 0 });
		close = server.close;
		target.baseUrl = server.url;

		const headersClient = slowHeaders(server.port);
		const bodyClient = slowBody(server.port);
		const notHttpClient = notHttp(server.port);
		await Promise.all([headersClient, bodyClient].map(({ socket }) => new Promise((resolve) => socket.once('connect', resolve))));
		const oversizeCall = clientCall(target, 'POST', '/validations', { body: ONE_MEGABYTE_BODY });
		const malformedJsonCall = clientCall(target, 'POST', '/validations', { body: '{"redeemables": [' });

		hostileOpenWhenNormalStarted = !headersClient.socket.destroyed && !bodyClient.socket.destroyed;
		for (let call = 0; call < NORMAL_CALLS; call += 1) normal.push(await validate(target, { code: 'WELCOME10', amount: 1000 + call }));

		[oversize, malformedJson, slowHeadersReceived, slowBodyReceived, notHttpReceived] = await Promise.all([
			oversizeCall,
			malformedJsonCall,
			headersClient.closed,
			bodyClient.closed,
			notHttpClient.closed,
		]);
		afterwards = await validate(target, { code: 'SAVE5', amount: 1000 });
	}, 30_000);

	afterAll(() => close?.());

	test('every validation of the normal client answers 200 with a result', () => {
		expect(hostileOpenWhenNormalStarted).toBe(true);
		expect(normal).toHaveLength(NORMAL_CALLS);
		expect(normal.map((answer) => [answer.status, answer.body.valid])).toEqual(Array.from({ length: NORMAL_CALLS }, () => [200, true]));
	});

	test('the 1 MB body gets 400 invalid_payload', () => {
		expect(oversize.status).toBe(400);
		expect(oversize.body).toMatchObject({ code: 400, key: 'invalid_payload' });
	});

	test('malformed JSON gets 400 invalid_payload', () => {
		expect(malformedJson.status).toBe(400);
		expect(malformedJson.body).toMatchObject({ code: 400, key: 'invalid_payload' });
	});

	test('a request that is not HTTP gets a JSON 400 and a closed connection', () => {
		expect(statusLine(notHttpReceived)).toBe('HTTP/1.1 400 Bad Request');
		expect(bodyOf(notHttpReceived)).toMatchObject({ code: 400, key: 'invalid_payload' });
	});

	test('a client that never finishes its headers is cut off with 408 request_timeout', () => {
		expect(statusLine(slowHeadersReceived)).toBe('HTTP/1.1 408 Request Timeout');
		expect(bodyOf(slowHeadersReceived)).toMatchObject({ code: 408, key: 'request_timeout' });
	});

	test('a client that never finishes its body is cut off with 408 request_timeout', () => {
		expect(statusLine(slowBodyReceived)).toBe('HTTP/1.1 408 Request Timeout');
		expect(bodyOf(slowBodyReceived)).toMatchObject({ code: 408, key: 'request_timeout' });
	});

	test('the server keeps answering once they are all gone', () => {
		expect(afterwards.status).toBe(200);
		expect(afterwards.body.valid).toBe(true);
	});
});

/**
 * The timeouts Node enforces on the server `start()` opened, read from that server itself: Node's
 * `http.server.request.start` diagnostics channel hands over the server with each request it receives.
 */
async function effectiveTimeouts(options: MockApiOptions): Promise<{ requestTimeout: number; headersTimeout: number }> {
	const running = await createMockApi(options).start({ port: 0 });
	let server: Server | undefined;
	const onRequest = (message: unknown) => {
		const candidate = (message as { server: Server }).server;
		if ((candidate.address() as AddressInfo | null)?.port === running.port) server = candidate;
	};
	subscribe('http.server.request.start', onRequest);
	try {
		await (await fetch(`${running.url}/client/v1/validate?code=SAVE5`, { headers: CLIENT_KEYS })).text();
	} finally {
		unsubscribe('http.server.request.start', onRequest);
		await running.close();
	}
	if (!server) throw new Error('the started server reported no request');
	return { requestTimeout: server.requestTimeout, headersTimeout: server.headersTimeout };
}

describe('the request and headers timeouts', () => {
	test('default to 10 s and 5 s on the started server', async () => {
		expect(await effectiveTimeouts({})).toEqual({ requestTimeout: 10_000, headersTimeout: 5000 });
	});

	test('given both, the started server enforces exactly those', async () => {
		expect(await effectiveTimeouts({ requestTimeoutMs: REQUEST_TIMEOUT_MS, headersTimeoutMs: HEADERS_TIMEOUT_MS })).toEqual({
			requestTimeout: REQUEST_TIMEOUT_MS,
			headersTimeout: HEADERS_TIMEOUT_MS,
		});
	});

	test('a headers timeout longer than the request timeout is refused, as Node would', () => {
		expect(() => createMockApi({ requestTimeoutMs: 1000, headersTimeoutMs: 2000 })).toThrow(/headersTimeoutMs/);
	});

	test('a request timeout alone also shortens the default headers timeout to fit', async () => {
		expect(await effectiveTimeouts({ requestTimeoutMs: 1000 })).toEqual({ requestTimeout: 1000, headersTimeout: 1000 });
	});

	test('a request timeout alone longer than 5 s keeps the 5 s default headers timeout', async () => {
		expect(await effectiveTimeouts({ requestTimeoutMs: 60_000 })).toEqual({ requestTimeout: 60_000, headersTimeout: 5000 });
	});
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { VoucherifyTimeoutError } from '../../src/index.js';
import { normalizeOptions } from '../../src/client/options.js';
import { createTransport } from '../../src/client/transport.js';

/** Over a real socket, an answer whose headers arrive and whose body then stalls: the phase msw cannot stage. */

let server: Server | undefined;
afterEach(() => {
	server?.closeAllConnections();
	server?.close();
});

/** A server that sends the headers and half a JSON body, then nothing; tells when it has, and when the client hangs up. */
async function stallingServer(): Promise<{ apiUrl: string; halfSent: Promise<void>; hungUp: Promise<void> }> {
	let sent!: () => void;
	let closed!: () => void;
	const halfSent = new Promise<void>((resolve) => (sent = resolve));
	const hungUp = new Promise<void>((resolve) => (closed = resolve));
	server = createServer((request, response) => {
		request.socket.once('close', () => closed());
		response.writeHead(200, { 'Content-Type': 'application/json' });
		response.write('{"valid":true,', () => sent());
	});
	await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
	return { apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, halfSent, hungUp };
}

describe('a body that stalls after the headers', () => {
	test('an abort while the body is being read rejects with the signal’s reason and closes the connection', { timeout: 10_000 }, async () => {
		const { apiUrl, halfSent, hungUp } = await stallingServer();
		let headersIn!: () => void;
		const headersReceived = new Promise<void>((resolve) => (headersIn = resolve));
		const observed: typeof fetch = async (input, init) => {
			const response = await fetch(input, init);
			headersIn();
			return response;
		};
		const options = { clientApplicationId: 'app', clientToken: 'token', apiUrl, timeout: 60_000, retry: 0, fetch: observed };
		const controller = new AbortController();
		const reason = new Error('the shopper left');

		const call = createTransport(normalizeOptions(options)).send({ method: 'get', path: 'validate', query: 'code=SAVE5', signal: controller.signal });
		await Promise.all([halfSent, headersReceived]);
		await new Promise((resolve) => setTimeout(resolve, 0));
		controller.abort(reason);

		await expect(call).rejects.toBe(reason);
		await hungUp;
	});

	test('rejects with VoucherifyTimeoutError once the timeout has passed, and closes the connection', async () => {
		const { apiUrl, hungUp } = await stallingServer();
		const transport = createTransport(normalizeOptions({ clientApplicationId: 'app', clientToken: 'token', apiUrl, timeout: 200, retry: 0 }));

		const error = await transport.send({ method: 'get', path: 'validate', query: 'code=SAVE5' }).catch((reason: unknown) => reason);

		expect(error).toBeInstanceOf(VoucherifyTimeoutError);
		expect(error).toMatchObject({ timeout: 200 });
		await hungUp;
	});
});

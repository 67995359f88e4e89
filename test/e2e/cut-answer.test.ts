import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ENGINES, useEngine } from './support/engines/index.js';
import { startFixtureServer } from './support/fixture-server.js';

/**
Answers that never arrive whole, under XMLHttpRequest, in each engine: an API server that sends the headers and part
of the body, then cuts the connection (or holds it open). A call gets `VoucherifyNetworkError` (for the stall,
`VoucherifyTimeoutError`), a validate is retried like any lost answer, and the visitor's stored tracking id stays.
The fault is chosen per client by an `X-Fault` header.
*/

const STORED_ID = 'track_U3RvcmVkVmlzaXRvcg==';
type Fault = 'cut-200' | 'cut-500' | 'stall' | 'reset';

let api: Server;
let apiUrl = '';
let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
const hits: string[] = [];

beforeAll(async () => {
	api = createServer((request, response) => {
		const cors = {
			'Access-Control-Allow-Origin': request.headers.origin ?? '*',
			'Access-Control-Allow-Headers': request.headers['access-control-request-headers'] ?? '',
			'Access-Control-Allow-Methods': 'GET, POST',
		};
		if (request.method === 'OPTIONS') return void response.writeHead(204, cors).end();
		const fault = String(request.headers['x-fault']) as Fault;
		hits.push(fault);
		if (fault === 'reset') return void request.socket.destroy();
		// A late id in the part that arrives: the SDK must not take it from an answer it never had whole.
		response.writeHead(fault === 'cut-500' ? 500 : 200, { ...cors, 'Content-Type': 'application/json', 'Content-Length': '400' });
		response.write('{"valid":true,"tracking_id":"track_TGF0ZVZpc2l0b3I=","order":{');
		if (fault !== 'stall') setTimeout(() => response.socket?.destroy(), 30);
	});
	await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
	apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
	fixtures = await startFixtureServer(apiUrl);
});

afterAll(async () => {
	await fixtures?.close();
	api?.closeAllConnections();
	await new Promise((resolve) => api?.close(resolve));
});

describe.each(ENGINES)('%s: an answer cut off', (engine) => {
	const run = useEngine(engine, 'cut-answer');

	test('rejects with a typed error, retries a validate once, and keeps the stored tracking id', async () => {
		hits.length = 0;
		const context = await run.browser().newContext();
		const page = await context.newPage();
		await page.goto(`http://shop.test:${fixtures.port}/blank.html`);
		const outcomes = await page.evaluate(
			async ({ apiUrl, storedId }) => {
				document.cookie = `voucherify_tracking_id=${encodeURIComponent(storedId)}; Path=/`;
				type Client = { validate(code: string): Promise<unknown>; trackingId?: string };
				const { Voucherify } = window as unknown as { Voucherify: { createClient(options: unknown): Client } };
				const outcomeOf = async (fault: string, retry: number, timeout = 5000) => {
					const client = Voucherify.createClient({ clientApplicationId: 'app', clientToken: 'token', apiUrl, retry, timeout, headers: { 'X-Fault': fault } });
					const started = performance.now();
					const outcome = await client.validate('WELCOME10').then(
						() => ({ name: 'resolved' }),
						(error: { name: string; status?: number }) => ({ name: error.name, status: error.status }),
					);
					return { ...outcome, trackingId: client.trackingId, ms: Math.round(performance.now() - started) };
				};
				return {
					cut200: await outcomeOf('cut-200', 1),
					cut500: await outcomeOf('cut-500', 0),
					reset: await outcomeOf('reset', 0),
					stall: await outcomeOf('stall', 0, 300),
				};
			},
			{ apiUrl, storedId: STORED_ID },
		);

		expect(outcomes.cut200).toMatchObject({ name: 'VoucherifyNetworkError', trackingId: STORED_ID });
		// Firefox's XMLHttpRequest ends an error answer cut mid-body with `load`: the call is the API error of its status.
		expect(outcomes.cut500).toMatchObject({ ...(engine === 'firefox' ? { name: 'VoucherifyApiError', status: 500 } : { name: 'VoucherifyNetworkError' }), trackingId: STORED_ID });
		expect(outcomes.reset).toMatchObject({ name: 'VoucherifyNetworkError', trackingId: STORED_ID });
		expect(outcomes.stall).toMatchObject({ name: 'VoucherifyTimeoutError', trackingId: STORED_ID });
		expect(hits).toEqual(['cut-200', 'cut-200', 'cut-500', 'reset', 'stall']);
		await context.close();
	}, 60_000);
});

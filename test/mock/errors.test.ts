import { Agent, request, type ClientRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { describe, expect, test } from 'vitest';
import { CLIENT_KEYS, clientCall, serverCall, TRANSPORTS, useHttpMock, type Answer } from './support.js';

const REQUEST_ID = /^v-[0-9a-f]{18}$/;

/** Every error body has exactly the contract's fields (plus the resource ones for 404s). */
function expectErrorBody(answer: Answer, status: number, key: string): void {
	expect(answer.status).toBe(status);
	expect(answer.body).toMatchObject({ code: status, key, message: expect.any(String), details: expect.any(String), request_id: expect.stringMatching(REQUEST_ID) });
	const allowed = ['code', 'key', 'message', 'details', 'request_id', 'resource_id', 'resource_type'];
	expect(Object.keys(answer.body).filter((field) => !allowed.includes(field))).toEqual([]);
	expect(JSON.stringify(answer.body)).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
}

const ONE_MEGABYTE_BODY = JSON.stringify({ redeemables: [{ object: 'voucher', id: 'WELCOME10' }], padding: 'x'.repeat(1024 * 1024) });

describe.each(TRANSPORTS)('error answers over $transport', ({ use }) => {
	const target = use();

	test('malformed JSON answers 400 invalid_payload', async () => {
		expectErrorBody(await clientCall(target, 'POST', '/validations', { body: '{"redeemables": [' }), 400, 'invalid_payload');
	});

	test('a JSON body that is not an object answers 400 invalid_payload', async () => {
		expectErrorBody(await clientCall(target, 'POST', '/validations', { body: '[1, 2]' }), 400, 'invalid_payload');
	});

	test('a wrong type names the field', async () => {
		const answer = await clientCall(target, 'POST', '/validations', { body: { redeemables: [{ object: 'voucher', id: 'WELCOME10' }], order: { amount: '100' } } });
		expectErrorBody(answer, 400, 'invalid_payload');
		expect(answer.body.details).toContain('order.amount');
	});

	test('a fractional amount is a wrong type too', async () => {
		const answer = await serverCall(target, 'POST', '/vouchers/SAVE5/redemption', { body: { order: { amount: 10.5 } } });
		expectErrorBody(answer, 400, 'invalid_payload');
	});

	test('a redeemable of an unknown kind names the field', async () => {
		const answer = await clientCall(target, 'POST', '/validations', { body: { redeemables: [{ object: 'coupon', id: 'X' }] } });
		expectErrorBody(answer, 400, 'invalid_payload');
		expect(answer.body.details).toContain('redeemables[0].object');
	});

	test('more than five redeemables are refused', async () => {
		const redeemables = ['WELCOME10', 'BIGSALE20', 'SAVE5', 'FREEITEM', 'GIFT50', 'LASTONE'].map((id) => ({ object: 'voucher', id }));
		expectErrorBody(await clientCall(target, 'POST', '/validations', { body: { redeemables } }), 400, 'invalid_payload');
	});

	test('a 1 MB body answers 400 invalid_payload', async () => {
		const answer = await clientCall(target, 'POST', '/validations', { body: ONE_MEGABYTE_BODY });
		expectErrorBody(answer, 400, 'invalid_payload');
		expect(answer.body.details).toContain('65536');
	});

	test('a body nesting deeper than 32 levels answers 400 invalid_payload, and the mock keeps answering', async () => {
		// Written out: JSON.stringify itself overflows the stack on 20,000 levels.
		const deep = `{"event":"x","customer":{"source_id":"track_deep"},"metadata":{"d":${'['.repeat(20_000)}1${']'.repeat(20_000)}}}`;
		const answer = await clientCall(target, 'POST', '/events', { body: deep });
		expectErrorBody(answer, 400, 'invalid_payload');
		expect(answer.body.details).toContain('32 levels');
		expect(target.api.anonymousActivity('track_deep')).toEqual([]);
		const atTheLimit = { event: 'x', customer: { source_id: 'track_deep' }, metadata: { d: JSON.parse(`${'['.repeat(29)}1${']'.repeat(29)}`) } };
		expect((await clientCall(target, 'POST', '/events', { body: atTheLimit })).status).toBe(200);
		expect(target.api.anonymousActivity('track_deep')).toHaveLength(1);
		expect(() => target.api.snapshot()).not.toThrow();
	});

	test('a non-integer amount in the validate query answers 400 invalid_amount', async () => {
		expectErrorBody(await clientCall(target, 'GET', '/validate?code=WELCOME10&amount=12.50'), 400, 'invalid_amount');
	});

	test('a non-integer item quantity in the query answers 400 invalid_query_params', async () => {
		const answer = await clientCall(target, 'GET', '/validate?code=WELCOME10&item[0][quantity]=two');
		expectErrorBody(answer, 400, 'invalid_query_params');
		expect(answer.body.details).toContain('item[0].quantity');
	});

	test('a parameter given twice answers 400 invalid_query_params', async () => {
		expectErrorBody(await clientCall(target, 'GET', '/validate?code=WELCOME10&code=SAVE5'), 400, 'invalid_query_params');
	});

	test('malformed percent-encoding in the query answers 400 invalid_query_params', async () => {
		expectErrorBody(await clientCall(target, 'GET', '/validate?code=%E0%A4%A'), 400, 'invalid_query_params');
	});

	test('validate without a code answers 400 invalid_query_params', async () => {
		expectErrorBody(await clientCall(target, 'GET', '/validate?amount=100'), 400, 'invalid_query_params');
	});

	test('a limit outside 1–100 answers 400 invalid_query_params', async () => {
		expectErrorBody(await serverCall(target, 'GET', '/customers?limit=500'), 400, 'invalid_query_params');
	});

	test('an unknown client route answers 404 not_found with the error body', async () => {
		expectErrorBody(await clientCall(target, 'GET', '/nothing/here'), 404, 'not_found');
	});

	test('an unknown customer answers 404 not_found naming it', async () => {
		const answer = await serverCall(target, 'GET', '/customers/cust_unknown');
		expectErrorBody(answer, 404, 'not_found');
		expect(answer.body).toMatchObject({ resource_id: 'cust_unknown', resource_type: 'customer' });
	});

	test('each error has its own request id', async () => {
		const [first, second] = await Promise.all([clientCall(target, 'GET', '/nothing'), clientCall(target, 'GET', '/nothing')]);
		expect(first.body.request_id).not.toBe(second.body.request_id);
	});
});

describe('error answers only a real server gives', () => {
	const target = useHttpMock();
	const raw = (method: string, path: string) => fetch(`${target.baseUrl}${path}`, { method });

	test('an unknown server route answers 404 not_found with the error body', async () => {
		expectErrorBody(await serverCall(target, 'GET', '/nothing/here'), 404, 'not_found');
	});

	test('a path outside the API answers 404 not_found', async () => {
		const response = await raw('GET', '/');
		expect(response.status).toBe(404);
		expect(await response.json()).toMatchObject({ code: 404, key: 'not_found' });
	});

	test('a path with malformed percent-encoding answers 404 not_found', async () => {
		expectErrorBody(await serverCall(target, 'GET', '/customers/%E0%A4%A'), 404, 'not_found');
	});

	test('a 1 MB body answers 400, and the next request is answered', async () => {
		const oversize = await clientCall(target, 'POST', '/validations', { body: ONE_MEGABYTE_BODY });
		expect(oversize.status).toBe(400);
		expect((await clientCall(target, 'GET', '/validate?code=SAVE5')).status).toBe(200);
	});

	test('a request that is not HTTP gets a JSON 400, not a dropped connection', async () => {
		const { port } = new URL(target.baseUrl);
		const answer = await new Promise<string>((resolve, reject) => {
			const socket = connect(Number(port), '127.0.0.1', () => socket.write('NONSENSE\r\n\r\n'));
			let text = '';
			socket.on('data', (chunk) => (text += chunk.toString()));
			socket.on('end', () => resolve(text));
			socket.on('error', reject);
		});
		expect(answer).toMatch(/^HTTP\/1\.1 400 /);
		expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ code: 400, key: 'invalid_payload', request_id: expect.stringMatching(REQUEST_ID) });
	});
});

describe('error answers over one kept-alive connection', () => {
	const target = useHttpMock();

	/** One request through `agent`; resolves with its status and the socket it went on, once the answer is read. */
	const send = (agent: Agent, method: string, path: string, body?: string) =>
		new Promise<{ status: number; socket: Socket; reused: boolean }>((resolve, reject) => {
			const outgoing: ClientRequest = request(`${target.baseUrl}/client/v1${path}`, { agent, method, headers: { ...CLIENT_KEYS, 'Content-Type': 'application/json' } }, (answer) => {
				answer.resume();
				answer.once('end', () => resolve({ status: answer.statusCode ?? 0, socket: outgoing.socket as Socket, reused: outgoing.reusedSocket }));
			});
			outgoing.once('error', reject);
			outgoing.end(body);
		});

	test('a 1 MB body is read to the end, so the same connection carries the next request', async () => {
		const agent = new Agent({ keepAlive: true, maxSockets: 1 });
		try {
			const oversize = await send(agent, 'POST', '/validations', ONE_MEGABYTE_BODY);
			const next = await send(agent, 'GET', '/validate?code=SAVE5');

			expect(oversize.status).toBe(400);
			expect(next.status).toBe(200);
			expect(next.reused, 'the next request went on a new connection').toBe(true);
			expect(next.socket).toBe(oversize.socket);
		} finally {
			agent.destroy();
		}
	});
});

import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
	createClient,
	VoucherifyApiError,
	VoucherifyNetworkError,
	VoucherifyRateLimitError,
	VoucherifyTimeoutError,
	type ClientOptions,
} from '../../src/index.js';
import { createMockApi, MOCK_DEFAULTS, RESET_PATH, type ClientCall, type FaultKind, type FaultOptions } from '../../src/mock/index.js';
import { CLIENT_KEYS, clientCall, serverCall, SHOP_ORIGIN, useHttpMock, useMswMock, validate, type MockTarget } from './support.js';

/** The mock's fault injection over real HTTP: each fault as a plain client and the SDK see it, and that none changes state. */

const SEED = 20_240_611;
const VALIDATE_PATH = '/client/v1/validate?code=WELCOME10&amount=1000';
const REQUEST_ID = /^v-[0-9a-f]{18}$/;
/** The option that turns each fault on for every call. */
const ALWAYS: Readonly<Record<FaultKind, FaultOptions>> = {
	'500': { fail500: 1 },
	'503': { fail503: 1 },
	'429': { fail429: 1 },
	reset: { failReset: 1 },
	html: { failHtml: 1 },
	truncated: { failTruncated: 1 },
};
const KINDS = Object.keys(ALWAYS) as FaultKind[];

/** A mock over real HTTP that records every client call as it arrives; faults are set per test. */
function useCountedHttpMock(): { target: MockTarget; calls: ClientCall[] } {
	const calls: ClientCall[] = [];
	const target = useHttpMock({ onClientCall: (call) => calls.push(call) });
	beforeEach(() => {
		calls.length = 0;
	});
	afterEach(() => target.api.setFaults(undefined));
	return { target, calls };
}

const fetchValidate = (target: MockTarget, init: RequestInit = {}) => fetch(`${target.baseUrl}${VALIDATE_PATH}`, { ...init, headers: { ...CLIENT_KEYS, ...init.headers } });

/** What a plain client makes of one answer: its status, or `reset` when the connection dropped. */
async function outcome(target: MockTarget): Promise<string> {
	try {
		const response = await fetchValidate(target);
		const text = await response.text();
		if (response.status !== 200) return String(response.status);
		try {
			JSON.parse(text);
			return 'ok';
		} catch {
			return 'truncated';
		}
	} catch {
		return 'reset';
	}
}

const sdk = (target: MockTarget, options: Partial<ClientOptions> = {}) =>
	createClient({ clientApplicationId: MOCK_DEFAULTS.clientApplicationId, clientToken: MOCK_DEFAULTS.clientToken, apiUrl: target.baseUrl, retry: 0, ...options });

const rejectionOf = async (promise: Promise<unknown>): Promise<unknown> => promise.then(
	(value) => {
		throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
	},
	(error: unknown) => error,
);

describe('fault injection is off by default', () => {
	const target = useHttpMock();

	test('without the faults option, 100 client calls all answer 200 with JSON', async () => {
		const outcomes = await Promise.all(Array.from({ length: 100 }, () => outcome(target)));
		expect(outcomes.filter((kind) => kind !== 'ok')).toEqual([]);
	});
});

describe('each fault as a plain fetch sees it', () => {
	const { target, calls } = useCountedHttpMock();

	test('latencyMs is the delay onClientCall reports for every client call, each still answered 200', async () => {
		target.api.setFaults({ latencyMs: 200 });
		const statuses = [];
		for (let call = 0; call < 3; call += 1) statuses.push((await fetchValidate(target)).status);
		expect(statuses).toEqual([200, 200, 200]);
		expect(calls.map((call) => call.delayMs)).toEqual([200, 200, 200]);
	});

	test('jitterMs adds a per-call delay between 0 and jitterMs, drawn from the seed', async () => {
		target.api.setFaults({ seed: SEED, latencyMs: 10, jitterMs: 40 });
		for (let call = 0; call < 20; call += 1) await fetchValidate(target);
		const delays = calls.map((call) => call.delayMs);
		expect(delays.every((delay) => delay >= 10 && delay <= 50)).toBe(true);
		expect(new Set(delays).size).toBeGreaterThan(5);
	});

	test('fail500 answers 500 internal_error with the contract error body', async () => {
		target.api.setFaults(ALWAYS['500']);
		const response = await fetchValidate(target);
		expect(response.status).toBe(500);
		expect(await response.json()).toEqual({ code: 500, key: 'internal_error', message: 'Internal server error', details: expect.stringContaining('fail500'), request_id: expect.stringMatching(REQUEST_ID) });
	});

	test('fail503 answers 503 service_unavailable with the error body and Retry-After', async () => {
		target.api.setFaults({ fail503: 1, retryAfterSeconds: 3 });
		const response = await fetchValidate(target);
		expect(response.status).toBe(503);
		expect(response.headers.get('retry-after')).toBe('3');
		expect(await response.json()).toMatchObject({ code: 503, key: 'service_unavailable', request_id: expect.stringMatching(REQUEST_ID) });
	});

	test('fail429 answers 429 with the contract message and the configured Retry-After', async () => {
		target.api.setFaults({ fail429: 1, retryAfterSeconds: 7 });
		const response = await fetchValidate(target);
		expect(response.status).toBe(429);
		expect(response.headers.get('retry-after')).toBe('7');
		expect(await response.json()).toMatchObject({ code: 429, key: 'too_many_requests', message: 'Too many requests hit the API too quickly.' });
	});

	test('retryAfterSeconds defaults to 1', async () => {
		target.api.setFaults(ALWAYS['429']);
		expect((await fetchValidate(target)).headers.get('retry-after')).toBe('1');
	});

	test('failReset makes the fetch reject', async () => {
		target.api.setFaults(ALWAYS.reset);
		await expect(fetchValidate(target).then((response) => response.text())).rejects.toThrow();
	});

	test('failReset writes the status line and part of the body before the connection drops', async () => {
		target.api.setFaults(ALWAYS.reset);
		const { port } = new URL(target.baseUrl);
		const received = await new Promise<string>((resolve, reject) => {
			const socket = connect(Number(port), '127.0.0.1', () =>
				socket.write(`GET ${VALIDATE_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Client-Application-Id: ${CLIENT_KEYS['X-Client-Application-Id']}\r\nX-Client-Token: ${CLIENT_KEYS['X-Client-Token']}\r\n\r\n`),
			);
			let text = '';
			socket.on('data', (chunk) => (text += chunk.toString()));
			socket.on('close', () => resolve(text));
			socket.on('error', reject);
		});
		expect(received).toMatch(/^HTTP\/1\.1 200 /);
		const declared = Number(/content-length: (\d+)/i.exec(received)?.[1]);
		const body = received.slice(received.indexOf('\r\n\r\n') + 4);
		expect(body.length).toBeGreaterThan(0);
		expect(body.length).toBeLessThan(declared);
		expect(received.toLowerCase()).not.toContain('x-voucherify-mock');
	});

	test('failHtml answers a 502 HTML page, not JSON', async () => {
		target.api.setFaults(ALWAYS.html);
		const response = await fetchValidate(target);
		expect(response.status).toBe(502);
		expect(response.headers.get('content-type')).toMatch(/^text\/html/);
		const text = await response.text();
		expect(text).toMatch(/^<!DOCTYPE html>/);
		expect(() => JSON.parse(text)).toThrow(SyntaxError);
	});

	test('failTruncated answers 200 application/json whose body does not parse', async () => {
		target.api.setFaults(ALWAYS.truncated);
		const response = await fetchValidate(target);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^application\/json/);
		const text = await response.text();
		expect(text.length).toBeGreaterThan(0);
		expect(() => JSON.parse(text)).toThrow(SyntaxError);
	});

	test('an injected error answer carries the CORS headers of the call, so a page can read it', async () => {
		target.api.setFaults(ALWAYS['503']);
		const response = await fetchValidate(target, { headers: { Origin: SHOP_ORIGIN } });
		expect(response.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
		expect(response.headers.get('access-control-expose-headers')).toContain('Retry-After');
	});

	test('server routes, the preflight and the reset endpoint are never faulted', async () => {
		target.api.setFaults({ fail500: 0.5, fail503: 0.5 });
		for (let call = 0; call < 10; call += 1) expect((await serverCall(target, 'GET', '/vouchers/SAVE5')).status).toBe(200);
		const preflight = await fetch(`${target.baseUrl}/client/v1/validate`, { method: 'OPTIONS', headers: { Origin: SHOP_ORIGIN, 'Access-Control-Request-Method': 'GET' } });
		expect(preflight.status).toBe(204);
		expect((await fetch(`${target.baseUrl}${RESET_PATH}`, { method: 'POST' })).status).toBe(204);
		expect(calls).toEqual([]);
	});
});

describe('injected latency on a fake clock (msw)', () => {
	const calls: ClientCall[] = [];
	const { api, baseUrl } = useMswMock({ onClientCall: (call) => calls.push(call) });
	beforeEach(() => {
		calls.length = 0;
	});
	afterEach(() => {
		vi.useRealTimers();
		api.setFaults(undefined);
	});

	test('latencyMs holds the answer back until exactly that much time has passed', async () => {
		api.setFaults({ latencyMs: 200 });
		vi.useFakeTimers();
		let status: number | undefined;
		const answered = fetch(`${baseUrl}${VALIDATE_PATH}`, { headers: CLIENT_KEYS }).then((response) => (status = response.status));

		await vi.advanceTimersByTimeAsync(199);
		expect(calls).toHaveLength(1);
		expect(status).toBeUndefined();
		await vi.advanceTimersByTimeAsync(1);
		expect(status).toBe(200);
		await answered;
	});
});

// Hundreds of real HTTP calls: on a loaded 2-core CI machine they need more than vitest's 5 s default.
describe('shares and seeds', { timeout: 60_000 }, () => {
	const { target, calls } = useCountedHttpMock();
	const MIXED: FaultOptions = { seed: SEED, fail500: 0.1, fail503: 0.1, fail429: 0.1, failReset: 0.05, failHtml: 0.05, failTruncated: 0.05 };
	const CALLS = 600;

	/** `CALLS` validations, 50 in flight at a time, tallied by what the client saw. */
	async function tally(): Promise<Record<string, number>> {
		const seen: Record<string, number> = {};
		for (let sent = 0; sent < CALLS; sent += 50) {
			for (const kind of await Promise.all(Array.from({ length: 50 }, () => outcome(target)))) seen[kind] = (seen[kind] ?? 0) + 1;
		}
		return seen;
	}

	test(`with seed ${SEED}, ${CALLS} calls split into exactly the same faults every run`, async () => {
		target.api.setFaults(MIXED);
		expect(await tally()).toEqual({ ok: 324, '500': 76, '503': 65, '429': 54, reset: 27, '502': 27, truncated: 27 });
	});

	// 4 points is over 3 standard deviations for a share of 0.1 over 600 calls.
	test('each share is respected within 4 points over those calls', async () => {
		target.api.setFaults(MIXED);
		const seen = await tally();
		const expected: Record<string, number> = { ok: 0.55, '500': 0.1, '503': 0.1, '429': 0.1, reset: 0.05, '502': 0.05, truncated: 0.05 };
		for (const [kind, share] of Object.entries(expected)) expect(Math.abs((seen[kind] ?? 0) / CALLS - share), kind).toBeLessThanOrEqual(0.04);
	});

	test('what the client saw matches the faults the server reports drawing', async () => {
		target.api.setFaults(MIXED);
		const seen = await tally();
		const drawn = (kind: FaultKind | undefined) => calls.filter((call) => call.fault === kind).length;
		expect(seen).toEqual({ ok: drawn(undefined), '500': drawn('500'), '503': drawn('503'), '429': drawn('429'), reset: drawn('reset'), '502': drawn('html'), truncated: drawn('truncated') });
	});

	test('two mocks with the same seed fault the same calls, in order', async () => {
		const sequence = async (seed: number) => {
			const drawn: Array<FaultKind | undefined> = [];
			const api = createMockApi({ faults: { ...MIXED, seed }, onClientCall: (call) => drawn.push(call.fault) });
			const server = await api.start({ port: 0 });
			for (let call = 0; call < 40; call += 1) await outcome({ api, baseUrl: server.url });
			await server.close();
			return drawn;
		};
		const first = await sequence(SEED);
		expect(await sequence(SEED)).toEqual(first);
		expect(await sequence(SEED + 1)).not.toEqual(first);
	});

	test('reset() starts the fault sequence over from the seed', async () => {
		target.api.setFaults(MIXED);
		for (let call = 0; call < 30; call += 1) await outcome(target);
		const first = calls.splice(0).map((call) => call.fault);
		target.api.reset();
		for (let call = 0; call < 30; call += 1) await outcome(target);
		expect(calls.map((call) => call.fault)).toEqual(first);
	});

	test('turning jitter on changes no call’s fault', async () => {
		target.api.setFaults(MIXED);
		for (let call = 0; call < 30; call += 1) await outcome(target);
		const without = calls.splice(0).map((call) => call.fault);
		target.api.setFaults({ ...MIXED, jitterMs: 3 });
		for (let call = 0; call < 30; call += 1) await outcome(target);
		expect(calls.map((call) => call.fault)).toEqual(without);
	});

	test.each([
		[{ fail500: 1.5 }, /faults\.fail500/],
		[{ fail503: -0.1 }, /faults\.fail503/],
		[{ fail500: 0.6, fail503: 0.6 }, /add up to at most 1/],
		[{ latencyMs: 1.5 }, /faults\.latencyMs/],
		[{ seed: 'abc' }, /faults\.seed/],
		[{ fail_500: 0.1 }, /has no `fail_500`/],
	])('the faults option %j is refused naming the problem', (faults, message) => {
		expect(() => createMockApi({ faults: faults as FaultOptions })).toThrow(message);
	});
});

describe('faulted calls change no state', () => {
	const { target, calls } = useCountedHttpMock();
	const TRACKING_ID = 'track_faulted+/call==';

	/** A validation, a client-side redemption of the single-use LASTONE and an event, all for one visitor. */
	const everyKindOfWrite = () =>
		Promise.allSettled([
			validate(target, { code: 'WELCOME10', amount: 1000, tracking_id: TRACKING_ID }),
			clientCall(target, 'POST', '/redeem?code=LASTONE', { body: { customer: { source_id: TRACKING_ID }, order: { amount: 2000 } } }),
			clientCall(target, 'POST', '/events', { body: { event: 'viewed_cart', customer: { source_id: TRACKING_ID } } }),
		]);

	test.each(KINDS)('a call answered by the %s fault records no activity and redeems nothing', async (kind) => {
		target.api.setFaults(ALWAYS[kind]);
		const before = target.api.snapshot();
		await everyKindOfWrite();
		expect(target.api.snapshot()).toEqual(before);
		expect(target.api.anonymousActivity(TRACKING_ID)).toEqual([]);
		expect(target.api.getVoucher('LASTONE')?.redemption.redeemed_quantity).toBe(0);
	});

	test('the same calls without faults do change the state, so the check above can fail', async () => {
		const before = target.api.snapshot();
		await everyKindOfWrite();
		expect(target.api.snapshot()).not.toEqual(before);
		expect(target.api.getVoucher('LASTONE')?.redemption.redeemed_quantity).toBe(1);
	});

	test('a call whose client gives up during the injected latency is never processed', async () => {
		target.api.setFaults({ latencyMs: 500 });
		const impatient = new AbortController();
		const reason = new Error('the shopper gave up');
		const gaveUp = rejectionOf(fetch(`${target.baseUrl}/client/v1/validate?code=WELCOME10&amount=1000&tracking_id=track_impatient`, { headers: CLIENT_KEYS, signal: impatient.signal }));
		await vi.waitFor(() => expect(calls).toHaveLength(1));
		impatient.abort(reason);
		expect(await gaveUp).toBe(reason);

		// Sent once the impatient call had arrived, the patient one waits the same latency on a later timer: once it is
		// answered, the impatient call's wait is over too, and it would have been recorded by then.
		const patient = await validate(target, { code: 'WELCOME10', amount: 1000, tracking_id: 'track_patient' });

		expect(patient.status).toBe(200);
		expect(calls).toHaveLength(2);
		expect(target.api.anonymousActivity('track_patient')).toHaveLength(1);
		expect(target.api.anonymousActivity('track_impatient')).toEqual([]);
	});
});

describe('the SDK (createClient in Node) against each fault', () => {
	const { target, calls } = useCountedHttpMock();
	const CART = { code: 'WELCOME10', amount: 10_000 };

	test('a 500 rejects with VoucherifyApiError status 500', async () => {
		target.api.setFaults(ALWAYS['500']);
		const error = await rejectionOf(sdk(target).validate(CART));
		expect(error).toBeInstanceOf(VoucherifyApiError);
		expect(error).toMatchObject({ status: 500, key: 'internal_error' });
	});

	test('a 503 rejects with VoucherifyApiError status 503', async () => {
		target.api.setFaults(ALWAYS['503']);
		const error = await rejectionOf(sdk(target).validate(CART));
		expect(error).toBeInstanceOf(VoucherifyApiError);
		expect(error).toMatchObject({ status: 503, key: 'service_unavailable' });
	});

	test('a GET answered 503 every time reaches the server 1 + retry times', async () => {
		target.api.setFaults({ fail503: 1, retryAfterSeconds: 0 });
		await rejectionOf(sdk(target, { retry: 2 }).validate(CART));
		expect(calls).toHaveLength(3);
	});

	test('429 on every call rejects with VoucherifyRateLimitError carrying Retry-After, after exactly one retry', async () => {
		target.api.setFaults(ALWAYS['429']);
		const error = await rejectionOf(sdk(target).validate(CART));
		expect(error).toBeInstanceOf(VoucherifyRateLimitError);
		expect(error).toMatchObject({ status: 429, retryAfter: 1 });
		expect(calls).toHaveLength(2);
	});

	test('a connection reset mid-response rejects with VoucherifyNetworkError', async () => {
		target.api.setFaults(ALWAYS.reset);
		expect(await rejectionOf(sdk(target).validate(CART))).toBeInstanceOf(VoucherifyNetworkError);
	});

	test('a 200 whose JSON is cut short rejects with VoucherifyApiError key invalid_response', async () => {
		target.api.setFaults(ALWAYS.truncated);
		const error = await rejectionOf(sdk(target).validate(CART));
		expect(error).toBeInstanceOf(VoucherifyApiError);
		expect(error).toMatchObject({ status: 200, key: 'invalid_response' });
	});

	test('an HTML 502 page rejects with VoucherifyApiError status 502', async () => {
		target.api.setFaults(ALWAYS.html);
		const error = await rejectionOf(sdk(target).validate(CART));
		expect(error).toBeInstanceOf(VoucherifyApiError);
		expect(error).toMatchObject({ status: 502 });
	});

	test('latency above the timeout rejects with VoucherifyTimeoutError', async () => {
		target.api.setFaults({ latencyMs: 400 });
		const error = await rejectionOf(sdk(target, { timeout: 100 }).validate(CART));
		expect(error).toBeInstanceOf(VoucherifyTimeoutError);
		expect(error).toMatchObject({ timeout: 100 });
	});

	test('GET retries recover from a 30% share of 503s: every call resolves, each 503 costing one more request', async () => {
		target.api.setFaults({ seed: SEED, fail503: 0.3, retryAfterSeconds: 0 });
		const client = sdk(target, { retry: 3 });
		const results = [];
		for (let call = 0; call < 20; call += 1) results.push(await client.validate(CART));
		expect(results.every((result) => result.valid)).toBe(true);
		const injected = calls.filter((call) => call.fault === '503').length;
		expect(injected).toBe(7);
		expect(calls).toHaveLength(20 + injected);
	});

	describe('the tracking id is never lost', () => {
		const faults: Array<[string, FaultOptions]> = [
			...KINDS.map((kind): [string, FaultOptions] => [kind, { ...ALWAYS[kind], retryAfterSeconds: 0 }]),
			['latency above the timeout', { latencyMs: 400 }],
		];

		test.each(faults)('a client holding a tracking id keeps it through a %s fault, and the next call carries it', async (_name, fault) => {
			const client = sdk(target, { timeout: 200 });
			const { tracking_id: trackingId } = await client.validate(CART);
			expect(client.trackingId).toBe(trackingId);

			target.api.setFaults(fault);
			await rejectionOf(client.validate(CART));
			expect(client.trackingId).toBe(trackingId);

			target.api.setFaults(undefined);
			expect((await client.validate(CART)).tracking_id).toBe(trackingId);
			expect(new URL(calls.at(-1)?.url ?? '').pathname).toBe('/client/v1/validations');
			// The first and the last call, both on this visitor (a call without the id would have made a new one); the
			// faulted one recorded nothing.
			expect(target.api.anonymousActivity(String(trackingId))).toHaveLength(2);
		});
	});
});

describe('the per-IP rate limit (rateLimit: true is the real 5 calls per 5 s)', () => {
	const target = useHttpMock({ rateLimit: true });

	/** A validate from a chosen local address (any 127.x.y.z reaches the loopback server on Linux), answered by its status. */
	const validateFrom = (localAddress: string, headers: Record<string, string> = {}) =>
		new Promise<{ status: number; retryAfter: string | undefined }>((resolve, reject) => {
			const { port } = new URL(target.baseUrl);
			const call = httpRequest({ host: '127.0.0.1', port, path: VALIDATE_PATH, localAddress, agent: false, headers: { ...CLIENT_KEYS, ...headers } }, (response) => {
				response.resume();
				response.on('end', () => resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'] }));
			});
			call.on('error', reject);
			call.end();
		});

	test('the sixth call from one IP within 5 s answers 429 with a Retry-After of at most 5 s', async () => {
		const statuses = [];
		for (let call = 0; call < 5; call += 1) statuses.push((await validateFrom('127.0.0.1')).status);
		expect(statuses).toEqual([200, 200, 200, 200, 200]);
		const limited = await validateFrom('127.0.0.1');
		expect(limited.status).toBe(429);
		expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
		expect(Number(limited.retryAfter)).toBeLessThanOrEqual(5);
	});

	test('another IP keeps its own budget while the first is limited', async () => {
		for (let call = 0; call < 6; call += 1) await validateFrom('127.0.0.1');
		expect((await validateFrom('127.0.0.1')).status).toBe(429);
		expect((await validateFrom('127.0.0.2')).status).toBe(200);
	});

	test('over real HTTP the socket address counts, not an X-Forwarded-For the client claims', async () => {
		for (let call = 0; call < 5; call += 1) await validateFrom('127.0.0.1', { 'X-Forwarded-For': `10.0.0.${call}` });
		expect((await validateFrom('127.0.0.1', { 'X-Forwarded-For': '10.9.9.9' })).status).toBe(429);
	});

	test('a client cannot pose as another address through the mock’s internal header', async () => {
		for (let call = 0; call < 5; call += 1) await validateFrom('127.0.0.1', { 'X-Voucherify-Mock-Remote-Address': `10.0.0.${call}` });
		expect((await validateFrom('127.0.0.1', { 'X-Voucherify-Mock-Remote-Address': '10.9.9.9' })).status).toBe(429);
	});

	test('`true` and an explicit { limit, windowMs } are both accepted; anything else is refused', () => {
		expect(() => createMockApi({ rateLimit: { limit: 5, windowMs: 5000 } })).not.toThrow();
		expect(() => createMockApi({ rateLimit: false as unknown as true })).toThrow(/rateLimit/);
	});
});

describe('faults and the per-IP rate limit under msw', () => {
	const { api, baseUrl } = useMswMock({ rateLimit: { limit: 2, windowMs: 60_000 } });
	const target = { api, baseUrl };
	afterEach(() => api.setFaults(undefined));

	test('a connection reset is a network error: the fetch rejects', async () => {
		api.setFaults(ALWAYS.reset);
		await expect(fetch(`${baseUrl}${VALIDATE_PATH}`, { headers: CLIENT_KEYS })).rejects.toThrow(TypeError);
	});

	test('an injected 503 answers with the error body and Retry-After, as over HTTP', async () => {
		api.setFaults({ fail503: 1, retryAfterSeconds: 2 });
		const answer = await clientCall(target, 'GET', '/validate?code=SAVE5');
		expect(answer.status).toBe(503);
		expect(answer.headers.get('retry-after')).toBe('2');
		expect(answer.body).toMatchObject({ code: 503, key: 'service_unavailable' });
	});

	test('the first X-Forwarded-For entry is the client address', async () => {
		const from = (address: string) => clientCall(target, 'GET', '/validate?code=SAVE5', { headers: { 'X-Forwarded-For': `${address}, 10.0.0.1` } });
		await from('203.0.113.1');
		await from('203.0.113.1');
		expect((await from('203.0.113.1')).status).toBe(429);
		expect((await from('203.0.113.2')).status).toBe(200);
	});

	test('calls without X-Forwarded-For share the address unknown', async () => {
		await clientCall(target, 'GET', '/validate?code=SAVE5');
		await clientCall(target, 'GET', '/validate?code=SAVE5');
		expect((await clientCall(target, 'GET', '/validate?code=SAVE5')).status).toBe(429);
		expect((await clientCall(target, 'GET', '/validate?code=SAVE5', { headers: { 'X-Forwarded-For': '203.0.113.9' } })).status).toBe(200);
	});
});

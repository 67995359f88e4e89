import { delay, http, HttpResponse } from 'msw';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
	DEFAULT_API_URL,
	DEFAULT_COOKIE_NAME,
	DEFAULT_MAX_AGE_DAYS,
	DEFAULT_RETRY,
	DEFAULT_TIMEOUT,
	VoucherifyApiError,
	VoucherifyTimeoutError,
	createClient,
	type ClientOptions,
} from '../../src/index.js';
import { API, APP_ID, CLIENT_TOKEN, CODE, makeClient, requests, server, thrownBy, useApi } from './support/api.js';

const KEYS = { clientApplicationId: APP_ID, clientToken: CLIENT_TOKEN };
const SECRET_KEY_ALIAS = 'client_secret_alias_789';

useApi();
afterEach(() => {
	vi.useRealTimers();
});

const optionError = (options: Record<string, unknown>): unknown => thrownBy(() => createClient(options as ClientOptions));

describe('defaults', () => {
	test('exports the documented defaults', () => {
		expect({ DEFAULT_API_URL, DEFAULT_TIMEOUT, DEFAULT_RETRY, DEFAULT_COOKIE_NAME, DEFAULT_MAX_AGE_DAYS }).toEqual({
			DEFAULT_API_URL: 'https://api.voucherify.io',
			DEFAULT_TIMEOUT: 5000,
			DEFAULT_RETRY: 2,
			DEFAULT_COOKIE_NAME: 'voucherify_tracking_id',
			DEFAULT_MAX_AGE_DAYS: 365,
		});
	});

	test('without apiUrl, calls go to https://api.voucherify.io/client/v1', async () => {
		server.use(http.post(`${DEFAULT_API_URL}/client/v1/validations`, () => HttpResponse.json({ valid: false, code: CODE })));

		await createClient(KEYS).validate(CODE);

		expect(requests[0]?.url.href).toBe(`https://api.voucherify.io/client/v1/validations`);
	});

	test('without timeout, a call gives up after 5000 ms', async () => {
		server.use(http.post(`${API}/client/v1/validations`, () => delay('infinite')));
		vi.useFakeTimers();
		const settled = Promise.allSettled([createClient({ ...KEYS, apiUrl: API, retry: 0 }).validate(CODE)]);

		await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT - 1);
		const before = await Promise.race([settled, 'pending']);
		await vi.advanceTimersByTimeAsync(1);
		const [after] = await settled;

		expect(before).toBe('pending');
		expect(after).toMatchObject({ status: 'rejected', reason: { timeout: 5000 } });
		expect((after as PromiseRejectedResult).reason).toBeInstanceOf(VoucherifyTimeoutError);
	});

	test('without retry, a validate answered 503 is sent three times', async () => {
		server.use(http.post(`${API}/client/v1/validations`, () => HttpResponse.json({ code: 503, message: 'Unavailable' }, { status: 503 })));
		vi.useFakeTimers();
		const settled = Promise.allSettled([createClient({ ...KEYS, apiUrl: API }).validate(CODE)]);
		await vi.advanceTimersByTimeAsync(30_000);
		const [outcome] = await settled;

		expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(VoucherifyApiError);
		expect(requests).toHaveLength(3);
	});
});

describe('bad options throw a TypeError naming the option', () => {
	test.each<[string, Record<string, unknown>, string]>([
		['a missing clientApplicationId', { clientToken: CLIENT_TOKEN }, 'clientApplicationId'],
		['an empty clientApplicationId', { ...KEYS, clientApplicationId: '  ' }, 'clientApplicationId'],
		['a numeric clientApplicationId', { ...KEYS, clientApplicationId: 42 }, 'clientApplicationId'],
		['a missing clientToken', { clientApplicationId: APP_ID }, 'clientToken'],
		['an empty clientToken', { ...KEYS, clientToken: '' }, 'clientToken'],
		['an empty clientSecretKey', { clientApplicationId: APP_ID, clientSecretKey: '' }, 'clientSecretKey'],
		['a relative apiUrl', { ...KEYS, apiUrl: '/api' }, 'apiUrl'],
		['an ftp: apiUrl', { ...KEYS, apiUrl: 'ftp://api.test' }, 'apiUrl'],
		['an apiUrl with a query', { ...KEYS, apiUrl: 'https://api.test/?region=eu' }, 'apiUrl'],
		['an apiUrl with a fragment', { ...KEYS, apiUrl: 'https://api.test/#eu' }, 'apiUrl'],
		['a zero timeout', { ...KEYS, timeout: 0 }, 'timeout'],
		['a fractional timeout', { ...KEYS, timeout: 1.5 }, 'timeout'],
		['a timeout given as a string', { ...KEYS, timeout: '5000' }, 'timeout'],
		['a negative retry', { ...KEYS, retry: -1 }, 'retry'],
		['a retry over 10', { ...KEYS, retry: 11 }, 'retry'],
		['a fractional retry', { ...KEYS, retry: 0.5 }, 'retry'],
		['headers that are not an object', { ...KEYS, headers: 'X-A: 1' }, 'headers'],
		['a header with a non-string value', { ...KEYS, headers: { 'X-Shop-Build': 42 } }, 'headers'],
		['a header name with a space', { ...KEYS, headers: { 'X Shop': 'a' } }, 'headers'],
		['a header value with a line break', { ...KEYS, headers: { 'X-Shop': 'a\r\nSet-Cookie: x=1' } }, 'headers.X-Shop'],
		['a header value beyond Latin-1', { ...KEYS, headers: { 'X-Shop': 'shop ☕' } }, 'headers.X-Shop'],
		['a clientApplicationId with a line break', { ...KEYS, clientApplicationId: 'app\nid' }, 'clientApplicationId'],
		['a clientToken with a typographic apostrophe', { ...KEYS, clientToken: 'tok’' }, 'clientToken'],
		['an apiUrl with credentials', { ...KEYS, apiUrl: 'https://user:pw@api.test' }, 'apiUrl'],
		['a header that sets X-Client-Token', { ...KEYS, headers: { 'X-Client-Token': 'other' } }, 'headers'],
		['a header that sets x-client-application-id in lowercase', { ...KEYS, headers: { 'x-client-application-id': 'other' } }, 'headers'],
		['a header that sets X-Voucherify-Channel', { ...KEYS, headers: { 'X-Voucherify-Channel': 'mine' } }, 'headers'],
		['a header that sets Content-Type', { ...KEYS, headers: { 'content-type': 'text/plain' } }, 'headers'],
		['a header that sets Accept', { ...KEYS, headers: { Accept: 'text/html' } }, 'headers'],
		['tracking that is not an object', { ...KEYS, tracking: 'granted' }, 'tracking'],
		['a tracking.cookieName with a space', { ...KEYS, tracking: { cookieName: 'my cookie' } }, 'tracking.cookieName'],
		['a tracking.cookieName with a semicolon', { ...KEYS, tracking: { cookieName: 'a;b' } }, 'tracking.cookieName'],
		['an empty tracking.cookieName', { ...KEYS, tracking: { cookieName: '' } }, 'tracking.cookieName'],
		['a tracking.domain with a path', { ...KEYS, tracking: { domain: 'shop.example/x' } }, 'tracking.domain'],
		['a tracking.domain with attribute injection', { ...KEYS, tracking: { domain: '.shop.example; Secure' } }, 'tracking.domain'],
		['a zero tracking.maxAgeDays', { ...KEYS, tracking: { maxAgeDays: 0 } }, 'tracking.maxAgeDays'],
		['a NaN tracking.maxAgeDays', { ...KEYS, tracking: { maxAgeDays: Number.NaN } }, 'tracking.maxAgeDays'],
		['a tracking.maxAgeDays under one second', { ...KEYS, tracking: { maxAgeDays: 1e-6 } }, 'tracking.maxAgeDays'],
		['a tracking.maxAgeDays given as a string', { ...KEYS, tracking: { maxAgeDays: '30' } }, 'tracking.maxAgeDays'],
		['an unknown tracking.consent', { ...KEYS, tracking: { consent: 'yes' } }, 'tracking.consent'],
		['a fetch that is not a function', { ...KEYS, fetch: 'fetch' }, 'fetch'],
	])('rejects %s', (_case, options, option) => {
		const error = optionError(options);

		expect(error).toBeInstanceOf(TypeError);
		expect((error as TypeError).message).toContain(`\`${option}`);
	});

	test('rejects options that are not an object', () => {
		expect(() => createClient(undefined as unknown as ClientOptions)).toThrow(TypeError);
	});

	test('rejects a clientToken and a different clientSecretKey together', () => {
		const error = optionError({ ...KEYS, clientSecretKey: SECRET_KEY_ALIAS });

		expect(error).toBeInstanceOf(TypeError);
		expect((error as TypeError).message).toMatch(/`clientToken`.*`clientSecretKey`/);
	});
});

describe('accepted options', () => {
	test('accepts clientSecretKey as an alias of clientToken and sends it as X-Client-Token', async () => {
		await createClient({ clientApplicationId: APP_ID, clientSecretKey: SECRET_KEY_ALIAS, apiUrl: API, retry: 0 }).validate(CODE);

		expect(requests[0]?.headers.get('X-Client-Token')).toBe(SECRET_KEY_ALIAS);
	});

	test('accepts the same value given as both clientToken and clientSecretKey', () => {
		expect(() => createClient({ ...KEYS, clientSecretKey: CLIENT_TOKEN })).not.toThrow();
	});

	test('tolerates a trailing slash on apiUrl', async () => {
		await makeClient({ apiUrl: `${API}/` }).validate(CODE);

		expect(requests[0]?.url.href).toBe(`${API}/client/v1/validations`);
	});

	test('tolerates an apiUrl that already ends in /client/v1', async () => {
		await makeClient({ apiUrl: `${API}/client/v1/` }).validate(CODE);

		expect(requests[0]?.url.href).toBe(`${API}/client/v1/validations`);
	});

	test('accepts a plain http apiUrl, for a local mock server', () => {
		expect(() => makeClient({ apiUrl: 'http://127.0.0.1:4010' })).not.toThrow();
	});

	test('calls the fetch given in the options as a plain function, as a browser’s window.fetch requires', async () => {
		const thisValues: unknown[] = [];
		const client = makeClient({
			fetch: function (this: unknown, input, init) {
				thisValues.push(this);
				// A browser's fetch refuses any other `this` with "Illegal invocation".
				if (this !== undefined && this !== globalThis) return Promise.reject(new TypeError('Illegal invocation'));
				return fetch(input, init);
			},
		});

		await expect(client.validate(CODE)).resolves.toMatchObject({ code: CODE });
		expect(thisValues).toHaveLength(1);
	});

	test('a fetch given in the options that ignores the abort signal still times out', async () => {
		vi.useFakeTimers();
		const settled = Promise.allSettled([makeClient({ timeout: 1000, fetch: () => new Promise<Response>(() => undefined) }).validate(CODE)]);
		await vi.advanceTimersByTimeAsync(1000);
		const [outcome] = await settled;

		expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(VoucherifyTimeoutError);
	});

	test('uses the fetch given in the options', async () => {
		const seen: string[] = [];
		const client = makeClient({
			fetch: (input, init) => {
				seen.push(input instanceof Request ? input.url : String(input));
				return fetch(input, init);
			},
		});
		await client.validate(CODE);

		expect(seen).toEqual([`${API}/client/v1/validations`]);
	});
});

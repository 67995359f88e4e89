import { createHash } from 'node:crypto';
import { delay, http } from 'msw';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { VoucherifyTimeoutError, createClient, type ClientOptions } from '../../src/index.js';
import { MOCK_DEFAULTS } from '../../src/mock/index.js';
import { CLIENT_V1, EMAIL, EMAIL_HASH, MOCK_URL, api, jsonOf, makeClient, onlyRequest, requests, server, useMockApi } from './support/mock-api.js';

/** `@voucherify/sdk`'s `VoucherifyClientSide` options, each honoured, mapped or refused by name. */

const SDK_OPTIONS = { clientApplicationId: MOCK_DEFAULTS.clientApplicationId, clientSecretKey: MOCK_DEFAULTS.clientToken, apiUrl: MOCK_URL };
const STORED_ID = 'track_c3RvcmVkLWlk';
const SEEDED_ID = 'track_c2VlZGVkLWlk';

useMockApi();
afterEach(() => {
	vi.unstubAllGlobals();
});

const thrown = (options: Record<string, unknown>): unknown => {
	try {
		createClient(options as ClientOptions);
	} catch (error) {
		return error;
	}
	return undefined;
};

describe('trackingId', () => {
	test('a track_ id seeds the visitor: the first call sends it and it is stored', async () => {
		const client = makeClient({ trackingId: SEEDED_ID });
		await client.validate('WELCOME10');

		expect((await jsonOf(onlyRequest())).tracking_id).toBe(SEEDED_ID);
		expect(document.cookie).toBe(`voucherify_tracking_id=${SEEDED_ID}`);
	});

	test('any other identifier (an email) is hashed as setIdentity() hashes it; the raw value is never sent', async () => {
		const client = makeClient({ trackingId: ' Alice@Shop.example' });
		await client.validate('WELCOME10');
		const request = onlyRequest();

		expect((await jsonOf(request)).tracking_id).toBe(EMAIL_HASH);
		expect(request.url.href.toLowerCase()).not.toContain(encodeURIComponent(EMAIL));
		expect(client.trackingId).toBe(createHash('sha256').update(EMAIL).digest('hex'));
	});

	test('an id already stored for the visitor wins over the option', async () => {
		document.cookie = `voucherify_tracking_id=${STORED_ID}; path=/`;
		const client = makeClient({ trackingId: SEEDED_ID });
		await client.validate('WELCOME10');

		expect((await jsonOf(onlyRequest())).tracking_id).toBe(STORED_ID);
		expect(client.trackingId).toBe(STORED_ID);
	});

	test.each([['undefined'], [''], [null], [{}]])('refuses %j with a TypeError naming trackingId', (value) => {
		const error = thrown({ ...SDK_OPTIONS, trackingId: value });

		expect(error).toBeInstanceOf(TypeError);
		expect((error as Error).message).toContain('`trackingId`');
	});
});

describe('customHeaders, timeoutMs, clientSecretKey: aliases of ours', () => {
	test('customHeaders are sent like headers', async () => {
		await createClient({ ...SDK_OPTIONS, customHeaders: { 'X-Debug': 'on' } }).validate('WELCOME10');

		expect(onlyRequest().headers.get('X-Debug')).toBe('on');
	});

	test('customHeaders that set one of the SDK headers are refused, naming customHeaders', () => {
		expect((thrown({ ...SDK_OPTIONS, customHeaders: { 'X-Client-Token': 'other' } }) as Error).message).toMatch(/^The `customHeaders` option cannot set/);
	});

	test('headers and customHeaders together, and timeout and timeoutMs together, are refused as aliases', () => {
		expect((thrown({ ...SDK_OPTIONS, headers: { a: '1' }, customHeaders: { a: '2' } }) as Error).message).toMatch(/`headers` and `customHeaders`/);
		expect((thrown({ ...SDK_OPTIONS, timeout: 1000, timeoutMs: 2000 }) as Error).message).toMatch(/`timeout` and `timeoutMs`/);
	});

	test('timeoutMs is the timeout of each attempt', async () => {
		server.use(http.post(`${CLIENT_V1}/validations`, () => delay('infinite')));
		const error = await createClient({ ...SDK_OPTIONS, timeoutMs: 20 })
			.validate('WELCOME10')
			.catch((reason: unknown) => reason);

		expect(error).toBeInstanceOf(VoucherifyTimeoutError);
		expect(error).toMatchObject({ timeout: 20 });
	});

	test('timeoutMs: 0 (no timeout in @voucherify/sdk) is accepted; a negative or fractional one is refused by name', () => {
		expect(thrown({ ...SDK_OPTIONS, timeoutMs: 0 })).toBeUndefined();
		expect((thrown({ ...SDK_OPTIONS, timeoutMs: -1 }) as Error).message).toContain('`timeoutMs`');
		expect((thrown({ ...SDK_OPTIONS, timeoutMs: 1.5 }) as Error).message).toContain('`timeoutMs`');
	});
});

describe('origin and exposeErrorCause', () => {
	test('in a browser, origin is checked but not sent: the browser sends the page origin, as with @voucherify/sdk', async () => {
		await createClient({ ...SDK_OPTIONS, origin: 'elsewhere.example' }).validate('WELCOME10');

		expect(onlyRequest().headers.get('Origin')).not.toBe('elsewhere.example');
		expect((thrown({ ...SDK_OPTIONS, origin: 'line\nbreak' }) as Error).message).toContain('`origin`');
	});

	test('outside a browser (no document), origin is sent as the Origin header the API checks', async () => {
		vi.stubGlobal('document', undefined);
		const sent: Request[] = [];
		const fetchSpy = async (input: RequestInfo | URL, init?: RequestInit) => {
			sent.push(new Request(input, init));
			return Response.json({ valid: false, code: 'WELCOME10' });
		};
		await createClient({ ...SDK_OPTIONS, origin: 'https://shop.example', fetch: fetchSpy }).validate('WELCOME10');

		expect(sent).toHaveLength(1);
		expect(sent[0]?.headers.get('Origin')).toBe('https://shop.example');
	});

	test('exposeErrorCause is accepted: our API errors carry the status, the body and the request anyway', async () => {
		const error = await createClient({ ...SDK_OPTIONS, clientSecretKey: 'wrong', exposeErrorCause: true })
			.validate('WELCOME10')
			.catch((reason: unknown) => reason);

		expect(error).toMatchObject({ status: 401, key: 'unauthorized', body: { key: 'unauthorized' }, request: { method: 'POST' } });
	});
});

describe('what a browser client never takes', () => {
	test.each(['apiVersion', 'channel', 'secretKey', 'applicationId', 'dangerouslySetSecretKeyInBrowser', 'clientTokn', 'toString'])(
		'refuses %s by name with a TypeError, sending nothing',
		(option) => {
			const error = thrown({ ...SDK_OPTIONS, [option]: 'x' });

			expect(error).toBeInstanceOf(TypeError);
			expect((error as Error).message).toBe(`The \`${option}\` option is not a createClient option`);
			expect(requests).toEqual([]);
		},
	);

	test('the options object of a real VoucherifyClientSide setup works unchanged', async () => {
		const client = createClient({
			...SDK_OPTIONS,
			trackingId: SEEDED_ID,
			origin: 'shop.example',
			customHeaders: { 'X-Shop': 'demo' },
			exposeErrorCause: false,
			timeoutMs: 0,
		});
		const answer = await client.validate({ code: 'WELCOME10', amount: 20_000 });

		expect(answer).toMatchObject({ valid: true, tracking_id: SEEDED_ID });
		expect(api.snapshot().customers).toHaveLength(0);
	});
});

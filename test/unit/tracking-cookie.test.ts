import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { VoucherifyTimeoutError } from '../../src/index.js';
import {
	ANSWERED_TRACKING_ID,
	applicableStack,
	CLIENT_BASE,
	CODE,
	COOKIE_NAME,
	OTHER_TRACKING_ID,
	makeClient,
	requests,
	sentTrackingId,
	server,
	useApi,
} from './support/api.js';
import { cookieValue, parseSetCookie, setRawCookie, spyOnCookieWrites } from './support/dom.js';

const ONE_YEAR_SECONDS = '31536000';
const FOUR_HUNDRED_DAYS_SECONDS = '34560000';
const CUSTOM_COOKIE_NAME = 'shop_vf_visitor';
const SHARED_DOMAIN = '.shop.example';
const CONCURRENT_CALLS = 5;
const QUOTED_TRACKING_ID = 'track_abc+/def==';
const TIMEOUT_MS = 30;

useApi();
afterEach(() => vi.useRealTimers());

const storedCookie = (id: string, name = COOKIE_NAME) => setRawCookie(`${name}=${id}; Path=/`);

/** The last write of our cookie, parsed. */
const lastTrackingWrite = (writes: string[], name = COOKIE_NAME) => {
	const write = writes.filter((entry) => entry.startsWith(`${name}=`)).at(-1);
	if (write === undefined) throw new Error(`no write of ${name} in ${JSON.stringify(writes)}`);
	return parseSetCookie(write);
};

describe('persistence', () => {
	test('stores the tracking_id from the first validate in a first-party cookie, raw with + / = intact', async () => {
		const client = makeClient();
		await client.validate(CODE);

		expect(cookieValue(COOKIE_NAME)).toBe(ANSWERED_TRACKING_ID);
		expect(client.trackingId).toBe(ANSWERED_TRACKING_ID);
	});

	test('stores the tracking_id from the first validateStackable in the cookie', async () => {
		await makeClient().validateStackable({ redeemables: [{ object: 'voucher', id: CODE }] });

		expect(cookieValue(COOKIE_NAME)).toBe(ANSWERED_TRACKING_ID);
	});

	test('a client created later sends the tracking id the first client stored', async () => {
		await makeClient().validate(CODE);
		const later = makeClient();
		await later.validate(CODE);

		expect(sentTrackingId(requests[1])).toBe(ANSWERED_TRACKING_ID);
		expect(later.trackingId).toBe(ANSWERED_TRACKING_ID);
	});

	test('sends the tracking id found in the cookie from an earlier visit on the first call', async () => {
		storedCookie(OTHER_TRACKING_ID);
		await makeClient().validate(CODE);

		expect(sentTrackingId(requests[0])).toBe(OTHER_TRACKING_ID);
	});

	test('reads a percent-encoded cookie value as the raw tracking id', async () => {
		storedCookie(encodeURIComponent(OTHER_TRACKING_ID));
		await makeClient().validate(CODE);

		expect(sentTrackingId(requests[0])).toBe(OTHER_TRACKING_ID);
	});

	test('reads a double-quoted cookie value (as Python SimpleCookie writes it) as the id inside the quotes', async () => {
		storedCookie(`"${QUOTED_TRACKING_ID}"`);
		const client = makeClient();
		await client.validate(CODE);

		expect(sentTrackingId(requests[0])).toBe(QUOTED_TRACKING_ID);
		expect(client.trackingId).toBe(QUOTED_TRACKING_ID);
	});

	test('does not rewrite a double-quoted cookie just to unquote it', async () => {
		storedCookie(`"${QUOTED_TRACKING_ID}"`);
		const writes = spyOnCookieWrites();
		await makeClient().validate(CODE);

		expect(writes).toEqual([]);
		expect(cookieValue(COOKIE_NAME)).toBe(`"${QUOTED_TRACKING_ID}"`);
	});

	test('keeps the stored tracking id when the API answers a different one', async () => {
		storedCookie(OTHER_TRACKING_ID);
		const client = makeClient();
		await client.validate(CODE);
		server.use(http.post(`${CLIENT_BASE}/validations`, () => HttpResponse.json(applicableStack(ANSWERED_TRACKING_ID))));
		await client.validate(CODE);

		expect(client.trackingId).toBe(OTHER_TRACKING_ID);
		expect(cookieValue(COOKIE_NAME)).toBe(OTHER_TRACKING_ID);
	});

	test('does not rewrite the cookie when later answers carry the same tracking id', async () => {
		const client = makeClient();
		await client.validate(CODE);
		const writes = spyOnCookieWrites();
		await client.validate(CODE);
		await client.validateStackable({ redeemables: [{ object: 'voucher', id: CODE }] });

		expect(writes).toEqual([]);
	});

	test('uses a custom cookie name', async () => {
		await makeClient({ tracking: { cookieName: CUSTOM_COOKIE_NAME } }).validate(CODE);

		expect(cookieValue(CUSTOM_COOKIE_NAME)).toBe(ANSWERED_TRACKING_ID);
		expect(cookieValue(COOKIE_NAME)).toBeUndefined();
	});

	test('creating a client writes no cookie and sends no request', () => {
		const writes = spyOnCookieWrites();
		makeClient();

		expect(writes).toEqual([]);
		expect(requests).toHaveLength(0);
	});
});

describe('cookie attributes', () => {
	test('writes Path=/, SameSite=Lax, a one-year Max-Age and Secure on an https page by default', async () => {
		const writes = spyOnCookieWrites();
		await makeClient().validate(CODE);
		const cookie = lastTrackingWrite(writes);

		expect(cookie.value).toBe(ANSWERED_TRACKING_ID);
		expect(cookie.attributes).toEqual({ path: '/', samesite: 'Lax', 'max-age': ONE_YEAR_SECONDS, secure: true });
	});

	test('uses maxAgeDays for Max-Age', async () => {
		const writes = spyOnCookieWrites();
		await makeClient({ tracking: { maxAgeDays: 30 } }).validate(CODE);

		expect(lastTrackingWrite(writes).attributes['max-age']).toBe(String(30 * 86_400));
	});

	test('clamps maxAgeDays to 400 days', async () => {
		const writes = spyOnCookieWrites();
		await makeClient({ tracking: { maxAgeDays: 1000 } }).validate(CODE);

		expect(lastTrackingWrite(writes).attributes['max-age']).toBe(FOUR_HUNDRED_DAYS_SECONDS);
	});

	test('adds Domain when tracking.domain is set', async () => {
		const writes = spyOnCookieWrites();
		await makeClient({ tracking: { domain: SHARED_DOMAIN } }).validate(CODE);

		expect(lastTrackingWrite(writes).attributes.domain).toBe(SHARED_DOMAIN);
		expect(cookieValue(COOKIE_NAME)).toBe(ANSWERED_TRACKING_ID);
	});

	test('writes no Domain when tracking.domain is not set (a host-only cookie)', async () => {
		const writes = spyOnCookieWrites();
		await makeClient().validate(CODE);

		expect(lastTrackingWrite(writes).attributes).not.toHaveProperty('domain');
	});

	test('writes the cookie under a custom cookieName with the same attributes', async () => {
		const writes = spyOnCookieWrites();
		await makeClient({ tracking: { cookieName: CUSTOM_COOKIE_NAME } }).validate(CODE);
		const cookie = lastTrackingWrite(writes, CUSTOM_COOKIE_NAME);

		expect(cookie.name).toBe(CUSTOM_COOKIE_NAME);
		expect(cookie.attributes).toEqual({ path: '/', samesite: 'Lax', 'max-age': ONE_YEAR_SECONDS, secure: true });
	});
});

describe('concurrent first calls', () => {
	test('converge on one tracking id: only the first goes without one, the others carry its answer', async () => {
		let answered = 0;
		server.use(
			http.post(`${CLIENT_BASE}/validations`, async ({ request }) => {
				answered += 1;
				const sent = ((await request.json()) as { tracking_id?: string }).tracking_id;
				return HttpResponse.json(applicableStack(sent ?? `track_concurrent${answered}+/Aa==`));
			}),
		);
		const client = makeClient();

		await Promise.all(Array.from({ length: CONCURRENT_CALLS }, () => client.validate(CODE)));
		const firstAnswer = 'track_concurrent1+/Aa==';

		expect(requests.map(sentTrackingId)).toEqual([null, ...Array<string>(CONCURRENT_CALLS - 1).fill(firstAnswer)]);
		expect(cookieValue(COOKIE_NAME)).toBe(firstAnswer);
	});

	test('adopt only the first answer even when every answer carries a different id', async () => {
		let answered = 0;
		server.use(
			http.post(`${CLIENT_BASE}/validations`, () => {
				answered += 1;
				return HttpResponse.json(applicableStack(`track_distinct${answered}+/Bb==`));
			}),
		);
		const client = makeClient();

		await Promise.all(Array.from({ length: CONCURRENT_CALLS }, () => client.validate(CODE)));

		expect(client.trackingId).toBe('track_distinct1+/Bb==');
		expect(cookieValue(COOKIE_NAME)).toBe('track_distinct1+/Bb==');
	});

	test('let the next waiting call go first when the first call fails', async () => {
		let answered = 0;
		server.use(
			http.post(`${CLIENT_BASE}/validations`, () => {
				answered += 1;
				if (answered === 1) return HttpResponse.json({ code: 500, key: 'server_error' }, { status: 500 });
				return HttpResponse.json(applicableStack(`track_retried${answered}+/Cc==`));
			}),
		);
		const client = makeClient();

		const results = await Promise.allSettled([client.validate(CODE), client.validate(CODE), client.validate(CODE)]);

		expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
		expect(requests.map(sentTrackingId)).toEqual([null, null, 'track_retried2+/Cc==']);
		expect(cookieValue(COOKIE_NAME)).toBe('track_retried2+/Cc==');
	});
});

describe('malformed cookie values', () => {
	test.each(['<script>', 'GA1.2.3', 'track_', 'undefined', '%E0%A4%A'])('ignores %s in the cookie and never sends it', async (bad) => {
		storedCookie(bad);
		const client = makeClient();

		expect(client.trackingId).toBeUndefined();
		await client.validate(CODE);
		expect(sentTrackingId(requests[0])).toBeNull();
	});

	test('replaces a malformed cookie value with the tracking id the API answers', async () => {
		storedCookie('GA1.2.3');
		await makeClient().validate(CODE);

		expect(cookieValue(COOKIE_NAME)).toBe(ANSWERED_TRACKING_ID);
	});

	test('sends the valid copy when a malformed copy of the cookie sits beside it', async () => {
		setRawCookie(`${COOKIE_NAME}=GA1.2.3; Path=/; Domain=${SHARED_DOMAIN}`);
		storedCookie(OTHER_TRACKING_ID);
		await makeClient().validate(CODE);

		expect(sentTrackingId(requests[0])).toBe(OTHER_TRACKING_ID);
	});
});

describe('failed calls', () => {
	test('a 500 answer does not replace or erase the stored tracking id', async () => {
		storedCookie(OTHER_TRACKING_ID);
		server.use(
			http.post(`${CLIENT_BASE}/validations`, () =>
				HttpResponse.json({ code: 500, key: 'server_error', tracking_id: ANSWERED_TRACKING_ID }, { status: 500 }),
			),
		);
		const client = makeClient();

		await expect(client.validate(CODE)).rejects.toThrow();
		expect(client.trackingId).toBe(OTHER_TRACKING_ID);
		expect(cookieValue(COOKIE_NAME)).toBe(OTHER_TRACKING_ID);
	});

	test('a network error does not replace or erase the stored tracking id', async () => {
		storedCookie(OTHER_TRACKING_ID);
		server.use(http.post(`${CLIENT_BASE}/validations`, () => HttpResponse.error()));
		const client = makeClient();

		await expect(client.validate(CODE)).rejects.toThrow();
		expect(client.trackingId).toBe(OTHER_TRACKING_ID);
		expect(cookieValue(COOKIE_NAME)).toBe(OTHER_TRACKING_ID);
	});

	test('a failed first call stores nothing', async () => {
		server.use(
			http.post(`${CLIENT_BASE}/validations`, () =>
				HttpResponse.json({ code: 500, key: 'server_error', tracking_id: ANSWERED_TRACKING_ID }, { status: 500 }),
			),
		);
		const writes = spyOnCookieWrites();
		const client = makeClient();

		await expect(client.validate(CODE)).rejects.toThrow();
		expect(client.trackingId).toBeUndefined();
		expect(writes).toEqual([]);
	});

	test('a timed-out first call does not adopt the id of its late answer', async () => {
		// A fetch that ignores the abort signal, so the answer really reaches the SDK after the timeout; the clock is fake.
		vi.useFakeTimers();
		let answer!: (response: Response) => void;
		const lateAnswer = new Promise<Response>((resolve) => (answer = resolve));
		const fetchCalls: string[] = [];
		const writes = spyOnCookieWrites();
		const client = makeClient({ timeout: TIMEOUT_MS, fetch: (input) => (fetchCalls.push(String(input)), lateAnswer) });

		const settled = Promise.allSettled([client.validate(CODE)]);
		await vi.advanceTimersByTimeAsync(TIMEOUT_MS);
		const late = HttpResponse.json({ valid: true, tracking_id: ANSWERED_TRACKING_ID });
		const copy = late.clone();
		answer(late);
		// The SDK listened to `lateAnswer` before this test did, so its handler has run once this await resumes.
		await lateAnswer;
		const arrived: unknown = await copy.json();
		await vi.advanceTimersByTimeAsync(TIMEOUT_MS);
		const [outcome] = await settled;

		expect(fetchCalls).toHaveLength(1);
		expect(arrived).toMatchObject({ tracking_id: ANSWERED_TRACKING_ID });
		expect(client.trackingId).toBeUndefined();
		expect(cookieValue(COOKIE_NAME)).toBeUndefined();
		expect(writes).toEqual([]);
		expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(VoucherifyTimeoutError);
	});
});

test('warns nothing when the cookie can be written', async () => {
	const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
	await makeClient().validate(CODE);

	expect(warn).not.toHaveBeenCalled();
});

import { http, HttpResponse } from 'msw';
import { describe, expect, test, vi } from 'vitest';
import { VoucherifyInvalidInputError, type ConsentState } from '../../src/index.js';
import {
	ANSWERED_TRACKING_ID,
	CLIENT_BASE,
	CODE,
	COOKIE_NAME,
	OTHER_TRACKING_ID,
	bodyJson,
	makeClient,
	requests,
	sentTrackingId,
	server,
	useApi,
} from './support/api.js';
import { cookieValue, setRawCookie, spyOnCookieWrites } from './support/dom.js';

const IDENTITY = 'customer-42';

useApi();

/** The SDK warns once when it falls back from the cookie to localStorage. */
const silenceWarnings = () => vi.spyOn(console, 'warn').mockImplementation(() => {});

const alwaysAnswer = (trackingId: string) =>
	server.use(http.post(`${CLIENT_BASE}/validations`, () => HttpResponse.json({ valid: true, tracking_id: trackingId })));

/** Holds the validate answer until `answer()`; `arrived` settles once the request is at the API. */
const holdAnswer = () => {
	let arrive!: () => void;
	let answer!: () => void;
	const arrived = new Promise<void>((resolve) => (arrive = resolve));
	const released = new Promise<void>((resolve) => (answer = resolve));
	server.use(
		http.post(`${CLIENT_BASE}/validations`, async () => {
			arrive();
			await released;
			return HttpResponse.json({ valid: true, tracking_id: ANSWERED_TRACKING_ID });
		}),
	);
	return { arrived, answer };
};

describe('consent: granted (the default)', () => {
	test('defaults to granted', () => {
		expect(makeClient().consent).toBe('granted');
	});
});

describe('consent: pending', () => {
	test('keeps the answered tracking id in memory only and sends it on later calls', async () => {
		const writes = spyOnCookieWrites();
		const client = makeClient({ tracking: { consent: 'pending' } });
		await client.validate(CODE);
		await client.validate(CODE);

		expect(writes).toEqual([]);
		expect(window.localStorage.length).toBe(0);
		expect(client.trackingId).toBe(ANSWERED_TRACKING_ID);
		expect(sentTrackingId(requests[1])).toBe(ANSWERED_TRACKING_ID);
	});

	test('granted → pending removes the cookie but keeps sending the same id from memory', async () => {
		const client = makeClient();
		await client.validate(CODE);
		client.setConsent('pending');
		await client.validate(CODE);

		expect(cookieValue(COOKIE_NAME)).toBeUndefined();
		expect(client.consent).toBe('pending');
		expect(client.trackingId).toBe(ANSWERED_TRACKING_ID);
		expect(sentTrackingId(requests[1])).toBe(ANSWERED_TRACKING_ID);
	});

	test('pending → granted promotes the same id from memory to the cookie', async () => {
		const client = makeClient({ tracking: { consent: 'pending' } });
		await client.validate(CODE);
		client.setConsent('granted');

		expect(cookieValue(COOKIE_NAME)).toBe(ANSWERED_TRACKING_ID);
		expect(client.trackingId).toBe(ANSWERED_TRACKING_ID);
	});

	test('pending → granted with no id yet writes nothing until a call answers one', async () => {
		const writes = spyOnCookieWrites();
		const client = makeClient({ tracking: { consent: 'pending' } });
		client.setConsent('granted');

		expect(writes).toEqual([]);
		await client.validate(CODE);
		expect(cookieValue(COOKIE_NAME)).toBe(ANSWERED_TRACKING_ID);
	});
});

describe('consent: denied', () => {
	test('granted → denied removes the cookie', async () => {
		const client = makeClient();
		await client.validate(CODE);
		expect(cookieValue(COOKIE_NAME)).toBe(ANSWERED_TRACKING_ID);
		client.setConsent('denied');

		expect(cookieValue(COOKIE_NAME)).toBeUndefined();
		expect(client.trackingId).toBeUndefined();
	});

	test('granted → denied removes the localStorage copy the SDK keeps when cookies are refused', async () => {
		silenceWarnings();
		spyOnCookieWrites({ refuse: true });
		const client = makeClient();
		await client.validate(CODE);
		expect(window.localStorage.getItem(COOKIE_NAME)).toBe(ANSWERED_TRACKING_ID);
		client.setConsent('denied');

		expect(window.localStorage.getItem(COOKIE_NAME)).toBeNull();
		expect(client.trackingId).toBeUndefined();
		await client.validate(CODE);
		expect(sentTrackingId(requests[1])).toBeNull();
	});

	test('granted → denied removes a cookie written for the shared domain', async () => {
		const client = makeClient({ tracking: { domain: '.shop.example' } });
		await client.validate(CODE);
		client.setConsent('denied');

		expect(cookieValue(COOKIE_NAME)).toBeUndefined();
	});

	test('pending → denied forgets the id held in memory', async () => {
		const client = makeClient({ tracking: { consent: 'pending' } });
		await client.validate(CODE);
		client.setConsent('denied');
		await client.validate(CODE);

		expect(client.trackingId).toBeUndefined();
		expect(sentTrackingId(requests[1])).toBeNull();
	});

	test('sends no tracking_id on validate and validateStackable while denied', async () => {
		setRawCookie(`${COOKIE_NAME}=${OTHER_TRACKING_ID}; Path=/`);
		const client = makeClient();
		client.setConsent('denied');
		await client.validate(CODE);
		await client.validateStackable({ redeemables: [{ object: 'voucher', id: CODE }] });

		expect(sentTrackingId(requests[0])).toBeNull();
		expect(await bodyJson(requests[1])).not.toHaveProperty('tracking_id');
	});

	test('does not adopt the tracking ids the API answers while denied', async () => {
		const writes = spyOnCookieWrites();
		const client = makeClient({ tracking: { consent: 'denied' } });
		await client.validate(CODE);
		await client.validate(CODE);

		expect(client.trackingId).toBeUndefined();
		expect(sentTrackingId(requests[1])).toBeNull();
		expect(writes.filter((write) => write.includes(ANSWERED_TRACKING_ID))).toEqual([]);
		expect(cookieValue(COOKIE_NAME)).toBeUndefined();
		expect(window.localStorage.length).toBe(0);
	});

	test('a client created with consent denied removes the cookie and localStorage copy of an earlier visit', async () => {
		setRawCookie(`${COOKIE_NAME}=${OTHER_TRACKING_ID}; Path=/`);
		window.localStorage.setItem(COOKIE_NAME, OTHER_TRACKING_ID);
		await makeClient({ tracking: { consent: 'denied' } }).validate(CODE);

		expect(cookieValue(COOKIE_NAME)).toBeUndefined();
		expect(window.localStorage.getItem(COOKIE_NAME)).toBeNull();
	});

	test('setConsent denied when already denied removes a cookie written since', async () => {
		const client = makeClient({ tracking: { consent: 'denied' } });
		await client.validate(CODE);
		setRawCookie(`${COOKIE_NAME}=${OTHER_TRACKING_ID}; Path=/`);
		client.setConsent('denied');

		expect(cookieValue(COOKIE_NAME)).toBeUndefined();
	});

	test('an answer to a call started before consent was denied is not stored when consent is granted again', async () => {
		const { arrived, answer } = holdAnswer();
		const client = makeClient();
		const call = client.validate(CODE);
		await arrived;
		client.setConsent('denied');
		client.setConsent('granted');
		answer();

		expect((await call).tracking_id).toBe(ANSWERED_TRACKING_ID);
		expect(client.trackingId).toBeUndefined();
		expect(cookieValue(COOKIE_NAME)).toBeUndefined();
	});

	test('does not read a tracking cookie left from before consent was denied', () => {
		setRawCookie(`${COOKIE_NAME}=${OTHER_TRACKING_ID}; Path=/`);
		const client = makeClient({ tracking: { consent: 'denied' } });

		expect(client.trackingId).toBeUndefined();
	});

	test('setIdentity while denied keeps the hash in memory only and sends it', async () => {
		const writes = spyOnCookieWrites();
		const client = makeClient({ tracking: { consent: 'denied' } });
		const hash = client.setIdentity(IDENTITY);
		await client.validate(CODE);

		expect(client.trackingId).toBe(hash);
		expect(sentTrackingId(requests[0])).toBe(hash);
		expect(writes.filter((write) => write.includes(hash))).toEqual([]);
		expect(cookieValue(COOKIE_NAME)).toBeUndefined();
		expect(window.localStorage.length).toBe(0);
	});

	test('denied → granted starts afresh: no id sent, the next answer is stored in the cookie', async () => {
		alwaysAnswer(OTHER_TRACKING_ID);
		const client = makeClient({ tracking: { consent: 'denied' } });
		client.setConsent('granted');
		await client.validate(CODE);

		expect(sentTrackingId(requests[0])).toBeNull();
		expect(cookieValue(COOKIE_NAME)).toBe(OTHER_TRACKING_ID);
	});

	test('denied → granted promotes an identity hash set while denied to the cookie', () => {
		const client = makeClient({ tracking: { consent: 'denied' } });
		const hash = client.setIdentity(IDENTITY);
		client.setConsent('granted');

		expect(cookieValue(COOKIE_NAME)).toBe(hash);
	});

	test('denied → pending adopts the next answer in memory only', async () => {
		const writes = spyOnCookieWrites();
		const client = makeClient({ tracking: { consent: 'denied' } });
		client.setConsent('pending');
		await client.validate(CODE);

		expect(client.trackingId).toBe(ANSWERED_TRACKING_ID);
		expect(writes.filter((write) => write.includes(ANSWERED_TRACKING_ID))).toEqual([]);
		expect(cookieValue(COOKIE_NAME)).toBeUndefined();
		expect(window.localStorage.length).toBe(0);
	});
});

describe('setConsent', () => {
	test.each<ConsentState>(['granted', 'pending', 'denied'])('reports %s after setConsent', (state) => {
		const client = makeClient();
		client.setConsent(state);

		expect(client.consent).toBe(state);
	});

	test('setting the same consent again changes nothing', async () => {
		const client = makeClient();
		await client.validate(CODE);
		const writes = spyOnCookieWrites();
		client.setConsent('granted');

		expect(writes).toEqual([]);
		expect(cookieValue(COOKIE_NAME)).toBe(ANSWERED_TRACKING_ID);
	});

	test('rejects an unknown consent state with the invalid-input error', () => {
		const client = makeClient();

		expect(() => client.setConsent('yes' as ConsentState)).toThrow(VoucherifyInvalidInputError);
		expect(client.consent).toBe('granted');
	});
});

describe('reset', () => {
	test('forgets the identity and the tracking id, and the next call goes without one', async () => {
		const client = makeClient();
		await client.validate(CODE);
		client.setIdentity(IDENTITY);
		client.reset();
		await client.validate(CODE);

		expect(sentTrackingId(requests[1])).toBeNull();
		expect(client.trackingId).toBe(ANSWERED_TRACKING_ID);
	});

	test('removes the cookie', () => {
		const client = makeClient();
		const hash = client.setIdentity(IDENTITY);
		expect(cookieValue(COOKIE_NAME)).toBe(hash);
		client.reset();

		expect(client.trackingId).toBeUndefined();
		expect(cookieValue(COOKIE_NAME)).toBeUndefined();
	});

	test('removes the localStorage copy the SDK keeps when cookies are refused', async () => {
		silenceWarnings();
		spyOnCookieWrites({ refuse: true });
		const client = makeClient();
		const hash = client.setIdentity(IDENTITY);
		expect(window.localStorage.getItem(COOKIE_NAME)).toBe(hash);
		client.reset();

		expect(client.trackingId).toBeUndefined();
		expect(window.localStorage.getItem(COOKIE_NAME)).toBeNull();
		await client.validate(CODE);
		expect(sentTrackingId(requests[0])).toBeNull();
	});

	test('reset during the first call keeps the logout: the late answer is not stored', async () => {
		const { arrived, answer } = holdAnswer();
		const client = makeClient();
		const call = client.validate(CODE);
		await arrived;
		client.reset();
		answer();

		expect((await call).tracking_id).toBe(ANSWERED_TRACKING_ID);
		expect(client.trackingId).toBeUndefined();
		expect(cookieValue(COOKIE_NAME)).toBeUndefined();
	});

	test('the call after a reset during the first call goes without a tracking id', async () => {
		const { arrived, answer } = holdAnswer();
		const client = makeClient();
		const call = client.validate(CODE);
		await arrived;
		client.reset();
		answer();
		await call;
		server.resetHandlers();
		await client.validate(CODE);

		expect(sentTrackingId(requests[1])).toBeNull();
	});

	test('forgets an identity held in memory while consent is pending', () => {
		const client = makeClient({ tracking: { consent: 'pending' } });
		client.setIdentity(IDENTITY);
		client.reset();

		expect(client.trackingId).toBeUndefined();
	});
});

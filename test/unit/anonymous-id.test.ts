import { describe, expect, test, vi } from 'vitest';
import { ANONYMOUS_HEADER_NAME, ANONYMOUS_ID_NAME, TRACKING_HEADER_NAME, hashIdentity } from '../../src/index.js';
import { http, HttpResponse } from 'msw';
import { ANSWERED_TRACKING_ID, CLIENT_BASE, CODE, COOKIE_NAME, makeClient, requests, sentTrackingId, server, useApi } from './support/api.js';
import { cookieValue } from './support/dom.js';

useApi();

const ALICE = 'alice@shop.com';
const BOB = 'bob@shop.com';

/** A visitor who browsed anonymously (and got `ANSWERED_TRACKING_ID`), then logged in as Alice. */
async function visitorWhoLoggedIn(options: Parameters<typeof makeClient>[0] = {}) {
	const client = makeClient(options);
	await client.validate(CODE);
	const hash = client.setIdentity(ALICE);
	return { client, hash };
}

describe('login mid-session keeps the anonymous id', () => {
	test('setIdentity keeps the track_ id as anonymousId, in the voucherify_anonymous_id cookie, while calls carry the hash', async () => {
		const { client, hash } = await visitorWhoLoggedIn();
		await client.validate(CODE);

		expect(client.trackingId).toBe(hash);
		expect(client.anonymousId).toBe(ANSWERED_TRACKING_ID);
		expect(cookieValue(ANONYMOUS_ID_NAME)).toBe(ANSWERED_TRACKING_ID);
		expect(sentTrackingId(requests[1])).toBe(hash);
	});

	test('a client created later on the page (or in another tab) reads the anonymous id too', async () => {
		await visitorWhoLoggedIn();

		expect(makeClient().anonymousId).toBe(ANSWERED_TRACKING_ID);
	});

	test('checkout hand-off carries both ids: hidden fields and headers', async () => {
		const { client, hash } = await visitorWhoLoggedIn();
		const form = document.createElement('form');
		client.fillTrackingField(form);

		expect(Object.fromEntries(new FormData(form))).toEqual({ voucherify_tracking_id: hash, [ANONYMOUS_ID_NAME]: ANSWERED_TRACKING_ID });
		expect(client.trackingHeaders()).toEqual({ [TRACKING_HEADER_NAME]: hash, [ANONYMOUS_HEADER_NAME]: ANSWERED_TRACKING_ID });
	});

	test('setting the same identity again keeps the anonymous id', async () => {
		const { client } = await visitorWhoLoggedIn();
		client.setIdentity(` ${ALICE.toUpperCase()} `);

		expect(client.anonymousId).toBe(ANSWERED_TRACKING_ID);
	});

	test('another identity drops the anonymous id (a shared computer), from the cookie and the form', async () => {
		const { client } = await visitorWhoLoggedIn();
		const form = document.createElement('form');
		client.fillTrackingField(form);
		client.setIdentity(BOB);
		client.fillTrackingField(form);

		expect(client.trackingId).toBe(hashIdentity(BOB));
		expect(client.anonymousId).toBeUndefined();
		expect(cookieValue(ANONYMOUS_ID_NAME)).toBeUndefined();
		expect(Object.fromEntries(new FormData(form))).toEqual({ voucherify_tracking_id: hashIdentity(BOB) });
		expect(client.trackingHeaders()).toEqual({ [TRACKING_HEADER_NAME]: hashIdentity(BOB) });
	});

	test('reset() drops both ids and both cookies', async () => {
		const { client } = await visitorWhoLoggedIn();
		client.reset();

		expect([client.trackingId, client.anonymousId]).toEqual([undefined, undefined]);
		expect([cookieValue(COOKIE_NAME), cookieValue(ANONYMOUS_ID_NAME)]).toEqual([undefined, undefined]);
	});

	test('an anonymous visitor has no anonymous id: the tracking id is the anonymous one', async () => {
		const client = makeClient();
		await client.validate(CODE);

		expect(client.anonymousId).toBeUndefined();
		expect(cookieValue(ANONYMOUS_ID_NAME)).toBeUndefined();
	});

	test('setIdentity while the first call is in flight keeps the id that call answers as the anonymous id', async () => {
		let answer!: () => void;
		server.use(
			http.post(`${CLIENT_BASE}/validations`, async () => {
				await new Promise<void>((resolve) => (answer = resolve));
				return HttpResponse.json({ valid: true, code: CODE, tracking_id: ANSWERED_TRACKING_ID });
			}),
		);
		const client = makeClient();
		const first = client.validate(CODE);
		await vi.waitFor(() => expect(answer).toBeTypeOf('function'));
		const hash = client.setIdentity(ALICE);
		answer();
		await first;

		expect(client.trackingId).toBe(hash);
		expect(client.anonymousId).toBe(ANSWERED_TRACKING_ID);
	});

	test('a setIdentity refused as junk changes neither id', async () => {
		const { client, hash } = await visitorWhoLoggedIn();

		expect(() => client.setIdentity('undefined')).toThrow();
		expect([client.trackingId, client.anonymousId]).toEqual([hash, ANSWERED_TRACKING_ID]);
	});
});

describe('the anonymous id follows the consent rules', () => {
	test('pending keeps it in memory only; granting writes it to its cookie', async () => {
		const { client } = await visitorWhoLoggedIn({ tracking: { consent: 'pending' } });

		expect(client.anonymousId).toBe(ANSWERED_TRACKING_ID);
		expect(cookieValue(ANONYMOUS_ID_NAME)).toBeUndefined();
		client.setConsent('granted');
		expect(cookieValue(ANONYMOUS_ID_NAME)).toBe(ANSWERED_TRACKING_ID);
		expect(client.anonymousId).toBe(ANSWERED_TRACKING_ID);
	});

	test('granted → pending takes it out of its cookie and keeps it in memory', async () => {
		const { client } = await visitorWhoLoggedIn();
		client.setConsent('pending');

		expect(cookieValue(ANONYMOUS_ID_NAME)).toBeUndefined();
		expect(client.anonymousId).toBe(ANSWERED_TRACKING_ID);
	});

	test('denied removes it everywhere', async () => {
		const { client } = await visitorWhoLoggedIn();
		client.setConsent('denied');

		expect(client.anonymousId).toBeUndefined();
		expect(cookieValue(ANONYMOUS_ID_NAME)).toBeUndefined();
	});
});

/**
 * @vitest-environment-options {"url": "https://www.shop.test/"}
 */
import { afterEach, describe, expect, test } from 'vitest';
import { hashIdentity, trackingCookie } from '../../src/server/index.js';
import { CODE, COOKIE_NAME, OTHER_TRACKING_ID, makeClient, requests, sentTrackingId, useApi } from './support/api.js';
import { setRawCookie, spyOnCookieWrites } from './support/dom.js';

const PARENT_DOMAIN = '.shop.test';
const IDENTITY = 'customer-42';

useApi();

// The shared cleanup knows the page's own host, not its parent domain.
afterEach(() => setRawCookie(`${COOKIE_NAME}=; Path=/; Max-Age=0; Domain=${PARENT_DOMAIN}`));

const hostOnlyCookie = (id: string) => setRawCookie(`${COOKIE_NAME}=${id}; Path=/`);
const parentDomainCookie = (id: string) => setRawCookie(trackingCookie(id, { domain: PARENT_DOMAIN }));

/** Every value of our cookie the page sees, in the order `document.cookie` lists them. */
const copies = () =>
	document.cookie
		.split('; ')
		.filter((pair) => pair.startsWith(`${COOKIE_NAME}=`))
		.map((pair) => pair.slice(COOKIE_NAME.length + 1));

describe('two cookies with the same name', () => {
	test('setIdentity replaces the id even when an older host-only cookie shares the name', async () => {
		hostOnlyCookie(OTHER_TRACKING_ID);
		const client = makeClient({ tracking: { domain: PARENT_DOMAIN } });
		const hash = client.setIdentity(IDENTITY);
		await client.validate(CODE);

		expect(client.trackingId).toBe(hash);
		expect(sentTrackingId(requests[0])).toBe(hash);
		expect(copies()).toEqual([hash]);
	});

	test('setIdentity replaces the id even when the backend re-issued the cookie for the parent domain', async () => {
		parentDomainCookie(OTHER_TRACKING_ID);
		const client = makeClient();
		const hash = client.setIdentity(IDENTITY);
		await client.validate(CODE);

		expect(client.trackingId).toBe(hash);
		expect(sentTrackingId(requests[0])).toBe(hash);
		expect(copies()).toEqual([hash]);
	});

	test('reset removes a parent-domain cookie the client was not configured for', () => {
		parentDomainCookie(OTHER_TRACKING_ID);
		const client = makeClient();
		client.reset();

		expect(client.trackingId).toBeUndefined();
		expect(copies()).toEqual([]);
	});

	test('reset removes both the host-only and the parent-domain copies', () => {
		hostOnlyCookie(OTHER_TRACKING_ID);
		parentDomainCookie(hashIdentity(IDENTITY));
		const client = makeClient({ tracking: { domain: PARENT_DOMAIN } });
		client.reset();

		expect(client.trackingId).toBeUndefined();
		expect(copies()).toEqual([]);
	});

	test('setConsent denied removes every copy whatever tracking.domain says', () => {
		hostOnlyCookie(OTHER_TRACKING_ID);
		parentDomainCookie(hashIdentity(IDENTITY));
		const client = makeClient();
		client.setConsent('denied');

		expect(copies()).toEqual([]);
	});

	test('does not rewrite the cookie when the id the page reads is already the one set', () => {
		const hash = hashIdentity(IDENTITY);
		hostOnlyCookie(hash);
		parentDomainCookie(OTHER_TRACKING_ID);
		const writes = spyOnCookieWrites();
		const client = makeClient({ tracking: { domain: PARENT_DOMAIN } });
		client.setIdentity(IDENTITY);

		expect(writes).toEqual([]);
		expect(client.trackingId).toBe(hash);
	});
});

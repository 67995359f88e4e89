/**
 * @vitest-environment-options {"url": "https://www.shop.test/"}
 */
import { afterEach, describe, expect, test } from 'vitest';
import { hashIdentity, trackingCookie } from '../../src/server/index.js';
import { ANSWERED_TRACKING_ID, CODE, COOKIE_NAME, OTHER_TRACKING_ID, makeClient, requests, sentTrackingId, useApi } from './support/api.js';
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
		parentDomainCookie(hash);
		const client = makeClient({ tracking: { domain: PARENT_DOMAIN } });
		expect(client.trackingId).toBe(hash);
		const writes = spyOnCookieWrites();
		client.setIdentity(IDENTITY);

		expect(writes).toEqual([]);
		expect(client.trackingId).toBe(hash);
	});
});

describe('domain rollout: tracking.domain turned on for returning visitors', () => {
	const domainCopy = (writes: string[]) => writes.filter((write) => write.includes(`Domain=${PARENT_DOMAIN}`) && !write.includes('Max-Age=0'));

	test('moves the id of a host-only cookie to the domain cookie and deletes the host-only copy', async () => {
		hostOnlyCookie(OTHER_TRACKING_ID);
		const writes = spyOnCookieWrites();
		const client = makeClient({ tracking: { domain: PARENT_DOMAIN } });
		await client.validate(CODE);

		expect(sentTrackingId(requests[0])).toBe(OTHER_TRACKING_ID);
		expect(copies()).toEqual([OTHER_TRACKING_ID]);
		expect(domainCopy(writes)).toHaveLength(1);
		expect(domainCopy(writes)[0]).toMatch(new RegExp(`^${COOKIE_NAME}=${OTHER_TRACKING_ID.replace(/[+/]/g, '\\$&')};`));
	});

	test('the host-only id wins over an anonymous id another subdomain already put in the domain cookie', () => {
		hostOnlyCookie(OTHER_TRACKING_ID);
		parentDomainCookie(ANSWERED_TRACKING_ID);
		const client = makeClient({ tracking: { domain: PARENT_DOMAIN } });

		expect(client.trackingId).toBe(OTHER_TRACKING_ID);
		expect(copies()).toEqual([OTHER_TRACKING_ID]);
	});

	test('an identity hash in the domain cookie is kept over an anonymous host-only id', () => {
		const hash = hashIdentity(IDENTITY);
		hostOnlyCookie(OTHER_TRACKING_ID);
		parentDomainCookie(hash);
		const client = makeClient({ tracking: { domain: PARENT_DOMAIN } });

		expect(client.trackingId).toBe(hash);
		expect(copies()).toEqual([hash]);
	});

	test('without tracking.domain a host-only cookie stays as it is', () => {
		hostOnlyCookie(OTHER_TRACKING_ID);
		const writes = spyOnCookieWrites();
		const client = makeClient();

		expect(client.trackingId).toBe(OTHER_TRACKING_ID);
		expect(writes).toEqual([]);
	});
});

import { expect, test, vi } from 'vitest';
import { ANSWERED_TRACKING_ID, CODE, COOKIE_NAME, makeClient, requests, sentTrackingId, useApi } from './support/api.js';
import { cookieValue, spyOnCookieWrites, throwOnCookieAccess, throwOnLocalStorageAccess } from './support/dom.js';

const WARNING_PREFIX = '[voucherify]';

useApi();

const silenceWarnings = () => vi.spyOn(console, 'warn').mockImplementation(() => {});

test('keeps the tracking id in localStorage when the browser refuses the cookie', async () => {
	silenceWarnings();
	spyOnCookieWrites({ refuse: true });
	const client = makeClient();
	await client.validate(CODE);

	expect(cookieValue(COOKIE_NAME)).toBeUndefined();
	expect(window.localStorage.getItem(COOKIE_NAME)).toBe(ANSWERED_TRACKING_ID);
	expect(client.trackingId).toBe(ANSWERED_TRACKING_ID);
});

test('sends the localStorage copy on later calls when cookies are refused', async () => {
	silenceWarnings();
	spyOnCookieWrites({ refuse: true });
	const client = makeClient();
	await client.validate(CODE);
	await client.validate(CODE);

	expect(sentTrackingId(requests[1])).toBe(ANSWERED_TRACKING_ID);
});

test('warns exactly once, with the [voucherify] prefix, when it falls back to localStorage', async () => {
	const warn = silenceWarnings();
	spyOnCookieWrites({ refuse: true });
	const client = makeClient();
	await client.validate(CODE);
	client.setIdentity('customer-42');
	await client.validate(CODE);

	expect(warn).toHaveBeenCalledTimes(1);
	expect(String(warn.mock.calls[0]?.[0])).toMatch(/^\[voucherify\]/);
});

test('a client created later reads the localStorage copy when cookies are refused', async () => {
	silenceWarnings();
	spyOnCookieWrites({ refuse: true });
	await makeClient().validate(CODE);
	await makeClient().validate(CODE);

	expect(sentTrackingId(requests[1])).toBe(ANSWERED_TRACKING_ID);
});

test('keeps the tracking id in memory and still works when cookie and localStorage both throw SecurityError', async () => {
	silenceWarnings();
	throwOnCookieAccess();
	throwOnLocalStorageAccess();
	const client = makeClient();

	const first = await client.validate(CODE);
	await client.validate(CODE);

	expect(first.valid).toBe(true);
	expect(client.trackingId).toBe(ANSWERED_TRACKING_ID);
	expect(sentTrackingId(requests[1])).toBe(ANSWERED_TRACKING_ID);
});

test('warns exactly once, with the [voucherify] prefix, when it falls back to memory', async () => {
	const warn = silenceWarnings();
	throwOnCookieAccess();
	throwOnLocalStorageAccess();
	const client = makeClient();
	await client.validate(CODE);
	client.setIdentity('customer-42');
	await client.validate(CODE);

	expect(warn).toHaveBeenCalledTimes(1);
	expect(String(warn.mock.calls[0]?.[0]).startsWith(WARNING_PREFIX)).toBe(true);
	expect(String(warn.mock.calls[0]?.[0])).toContain('memory');
});

test('setIdentity, setConsent and reset do not throw when every store throws SecurityError', async () => {
	silenceWarnings();
	throwOnCookieAccess();
	throwOnLocalStorageAccess();
	const client = makeClient();
	await client.validate(CODE);

	const hash = client.setIdentity('customer-42');
	client.setConsent('pending');
	client.setConsent('granted');
	expect(client.trackingId).toBe(hash);
	client.reset();
	expect(client.trackingId).toBeUndefined();
});

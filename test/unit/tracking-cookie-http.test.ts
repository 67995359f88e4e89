/**
 * @vitest-environment-options {"url": "http://shop.example/checkout"}
 */
import { expect, test } from 'vitest';
import { ANSWERED_TRACKING_ID, CODE, COOKIE_NAME, makeClient, useApi } from './support/api.js';
import { cookieValue, parseSetCookie, spyOnCookieWrites } from './support/dom.js';

useApi();

test('runs on a plain http page', () => {
	expect(window.location.protocol).toBe('http:');
});

test('writes the cookie without Secure on an http page, so the browser keeps it', async () => {
	const writes = spyOnCookieWrites();
	await makeClient().validate(CODE);
	const cookie = parseSetCookie(writes.find((write) => write.startsWith(`${COOKIE_NAME}=`)) ?? '');

	expect(cookie.value).toBe(ANSWERED_TRACKING_ID);
	expect(cookie.attributes).not.toHaveProperty('secure');
	expect(cookie.attributes.path).toBe('/');
	expect(cookieValue(COOKIE_NAME)).toBe(ANSWERED_TRACKING_ID);
});

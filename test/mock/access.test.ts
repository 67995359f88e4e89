import { describe, expect, test } from 'vitest';
import { CORS_ALLOWED_HEADERS } from '../../src/mock/index.js';
import { CLIENT_KEYS, clientCall, SERVER_KEYS, serverCall, SHOP_ORIGIN, TRANSPORTS, useHttpMock, type MockTarget } from './support.js';

const validateFrom = (target: MockTarget, origin?: string) =>
	clientCall(target, 'GET', '/validate?code=WELCOME10&amount=1000', origin === undefined ? {} : { headers: { Origin: origin } });

const bareFetch = (target: MockTarget, path: string, headers: Record<string, string>) => fetch(`${target.baseUrl}${path}`, { headers });

describe.each(TRANSPORTS)('keys over $transport', ({ use }) => {
	const target = use();

	test('a client route without keys answers 401 unauthorized', async () => {
		const response = await bareFetch(target, '/client/v1/validate?code=WELCOME10', {});
		expect(response.status).toBe(401);
		expect(await response.json()).toMatchObject({ code: 401, key: 'unauthorized', request_id: expect.stringMatching(/^v-/) });
	});

	test('a client route with server keys answers 401', async () => {
		const response = await bareFetch(target, '/client/v1/validate?code=WELCOME10', SERVER_KEYS);
		expect(response.status).toBe(401);
		expect(await response.json()).toMatchObject({ key: 'unauthorized', details: expect.stringContaining('client keys') });
	});

	test('a server route with client keys answers 401', async () => {
		const response = await bareFetch(target, '/v1/vouchers/WELCOME10', CLIENT_KEYS);
		expect(response.status).toBe(401);
		expect(await response.json()).toMatchObject({ key: 'unauthorized', details: expect.stringContaining('never client keys') });
	});

	test('a wrong client token answers 401', async () => {
		const { status, body } = await clientCall(target, 'GET', '/validate?code=WELCOME10', { headers: { 'X-Client-Token': 'stolen' } });
		expect(status).toBe(401);
		expect(body.key).toBe('unauthorized');
	});

	test('a wrong secret key answers 401', async () => {
		const { status } = await serverCall(target, 'GET', '/vouchers/WELCOME10', { headers: { 'X-App-Token': 'guess' } });
		expect(status).toBe(401);
	});

	test('server keys open server routes', async () => {
		const { status, body } = await serverCall(target, 'GET', '/vouchers/WELCOME10');
		expect(status).toBe(200);
		expect(body.code).toBe('WELCOME10');
	});
});

describe.each(TRANSPORTS)('origins and CORS over $transport', ({ use }) => {
	const target = use();

	test('an origin on the default list is answered with its CORS headers', async () => {
		const { status, headers } = await validateFrom(target, SHOP_ORIGIN);
		expect(status).toBe(200);
		expect(headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
		expect(headers.get('access-control-allow-credentials')).toBe('true');
		expect(headers.get('vary')).toBe('Origin');
		expect(headers.get('access-control-expose-headers')).toContain('Retry-After');
	});

	test('127.0.0.1 on any port is on the default list', async () => {
		expect((await validateFrom(target, 'http://127.0.0.1:8081')).status).toBe(200);
	});

	test('an origin not on the list answers 403 forbidden_origin, readable by the page', async () => {
		const { status, headers, body } = await validateFrom(target, 'https://evil.example');
		expect(status).toBe(403);
		expect(body).toMatchObject({ code: 403, key: 'forbidden_origin', details: expect.stringContaining('https://evil.example') });
		expect(headers.get('access-control-allow-origin')).toBe('https://evil.example');
	});

	test('a request without Origin is accepted and gets no Allow-Origin header', async () => {
		const { status, headers } = await validateFrom(target);
		expect(status).toBe(200);
		expect(headers.get('access-control-allow-origin')).toBeNull();
		expect(headers.get('vary')).toBe('Origin');
	});

	test('a preflight answers 204 with the methods, headers and max age', async () => {
		const response = await fetch(`${target.baseUrl}/client/v1/validations`, {
			method: 'OPTIONS',
			headers: { Origin: SHOP_ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-client-token,content-type' },
		});
		expect(response.status).toBe(204);
		expect(response.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
		expect(response.headers.get('access-control-allow-credentials')).toBe('true');
		expect(response.headers.get('access-control-allow-methods')).toContain('POST');
		expect(response.headers.get('access-control-max-age')).toBe('600');
		const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/,\s*/);
		for (const header of ['x-client-application-id', 'x-client-token', 'x-voucherify-channel', 'content-type', 'accept', 'x-voucherify-double-opt-in']) {
			expect(allowed).toContain(header);
		}
		expect(CORS_ALLOWED_HEADERS).toHaveLength(allowed.length);
	});

	test('server routes send no CORS headers', async () => {
		const { headers } = await serverCall(target, 'GET', '/vouchers/WELCOME10', { headers: { Origin: SHOP_ORIGIN } });
		expect(headers.get('access-control-allow-origin')).toBeNull();
	});
});

describe.each(TRANSPORTS)('custom allowed origins over $transport', ({ use }) => {
	const target = use({ allowedOrigins: ['shop.com', '.shop.test', 'https://exact.example:8443'] });

	test.each([
		['https://shop.com', 200],
		['http://shop.com:3000', 200],
		['https://www.shop.com', 403],
		['https://checkout.shop.test', 200],
		['https://shop.test', 403],
		['https://exact.example:8443', 200],
		['https://exact.example', 403],
		['http://localhost:5173', 403],
		['null', 403],
	])('%s answers %i', async (origin, status) => {
		expect((await validateFrom(target, origin)).status).toBe(status);
	});
});

describe('the * allow-list', () => {
	const target = useHttpMock({ allowedOrigins: ['*'] });

	test('accepts any origin and still echoes it rather than *', async () => {
		const { status, headers } = await validateFrom(target, 'https://anything.example');
		expect(status).toBe(200);
		expect(headers.get('access-control-allow-origin')).toBe('https://anything.example');
	});
});

describe.each(TRANSPORTS)('the rate limit over $transport', ({ use }) => {
	const target = use({ rateLimit: { limit: 2, windowMs: 60_000 } });

	test('the call past the limit answers 429 with Retry-After and the contract’s message', async () => {
		await validateFrom(target, SHOP_ORIGIN);
		await validateFrom(target, SHOP_ORIGIN);
		const { status, headers, body } = await validateFrom(target, SHOP_ORIGIN);
		expect(status).toBe(429);
		expect(body).toMatchObject({ code: 429, message: 'Too many requests hit the API too quickly.', request_id: expect.stringMatching(/^v-/) });
		const retryAfter = Number(headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThanOrEqual(1);
		expect(retryAfter).toBeLessThanOrEqual(60);
		expect(headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
	});

	test('server routes are not rate limited', async () => {
		for (let call = 0; call < 4; call += 1) expect((await serverCall(target, 'GET', '/vouchers/SAVE5')).status).toBe(200);
	});
});

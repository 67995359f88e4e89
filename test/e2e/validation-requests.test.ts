import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PREFLIGHT_MAX_AGE_SECONDS } from '../../src/mock/http/cors.js';
import type { FixtureServer } from './support/fixture-server.js';
import { startFixtureSuite, type FixtureSuite } from './support/fixture-suite.js';
import { clientKeys } from './support/journeys.js';
import type { Stack } from './support/stack.js';

/** What a shopper's repeated checks cost in requests: Chromium, a fresh context, the mock behind its logging proxy. */

const CODES = ['WELCOME10', 'BIGSALE20', 'SAVE5', 'FREEITEM', 'GIFT50', 'EXPIRED', 'NOTYET', 'DISABLED', 'LASTONE', 'NO-SUCH-CODE'];

let suite: FixtureSuite;
let stack: Stack;
let fixtures: FixtureServer;
let browser: Browser;

beforeAll(async () => {
	suite = await startFixtureSuite();
	({ stack, fixtures, browser } = suite);
});

afterAll(() => suite?.close());

/** The validate calls of one fresh page, `params` each, and the API requests (preflights included) they cost. */
async function requestsFor(params: Array<Record<string, unknown>>) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`http://shop.test:${fixtures.port}/blank.html`);
	stack.requests.length = 0;
	const answers = await page.evaluate(
		async ({ keys, params }) => {
			const { Voucherify } = window as unknown as { Voucherify: { createClient(options: unknown): { validate(params: unknown): Promise<{ code?: string; valid: boolean }> } } };
			const client = Voucherify.createClient(keys);
			const codes: Array<string | undefined> = [];
			for (const each of params) codes.push((await client.validate(each)).code);
			return codes;
		},
		{ keys: clientKeys(stack), params },
	);
	await context.close();
	const requests = stack.requests.filter((request) => request.path.startsWith('/client/v1/')).map((request) => `${request.method} ${request.path.split('?')[0]}`);
	return { answers, requests };
}

describe('requests per validation in Chromium', () => {
	test('the mock answers a preflight of POST /client/v1/validations with Access-Control-Max-Age, so the browser may cache it', async () => {
		const response = await fetch(`${stack.apiUrl}/client/v1/validations`, {
			method: 'OPTIONS',
			headers: { Origin: 'http://shop.test', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-client-application-id,x-client-token' },
		});
		expect(response.status).toBeLessThan(300);
		expect(response.headers.get('access-control-max-age')).toBe(String(PREFLIGHT_MAX_AGE_SECONDS));
		expect(PREFLIGHT_MAX_AGE_SECONDS).toBeGreaterThanOrEqual(600);
	});

	test('10 validations with different codes and amounts, in a fresh context, cost 11 requests: 1 preflight and 10 POST to one URL', async () => {
		const { answers, requests } = await requestsFor(CODES.map((code, index) => ({ code, amount: 1_000 + index * 137 })));

		expect(answers).toEqual(CODES);
		expect(requests).toEqual(['OPTIONS /client/v1/validations', ...CODES.map(() => 'POST /client/v1/validations')]);
	});

	test('validate without a code (promotions validation, GET only in the API) pays a preflight for each new cart', async () => {
		const amounts = [5_000, 5_100, 5_200];
		const { requests } = await requestsFor(amounts.map((amount) => ({ amount })));

		expect(requests).toEqual(amounts.flatMap(() => ['OPTIONS /client/v1/promotions/validation', 'GET /client/v1/promotions/validation']));
	});
});

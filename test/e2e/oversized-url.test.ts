import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMockApi, MOCK_DEFAULTS, type RunningMockServer } from '../../src/mock/index.js';
import { launchTestChromium } from './support/browser.js';
import { startFixtureServer } from './support/fixture-server.js';

/**
A 300-item cart in real Chromium, straight at the mock (no proxy in between, whose own header limit would answer
first). Validated without a code it is the promotions query, about 40 KB of URL (which the SDK allows): the page gets
the API's 431 error, not a network error, and the call is sent once. With a code the same cart goes in the JSON body
of `POST /client/v1/validations`, which has no such limit.
*/

let api: RunningMockServer;
let fixtures: { port: number; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
	api = await createMockApi({ allowedOrigins: ['.shop.test'] }).start({ port: 0, host: '127.0.0.1' });
	fixtures = await startFixtureServer(api.url);
	browser = await launchTestChromium();
});

afterAll(async () => {
	await browser?.close();
	await fixtures?.close();
	await api?.close();
});

describe('an oversized validate URL in Chromium', () => {
	test('the promotions validation rejects with the API error 431 invalid_payload, after exactly one GET; with a code the cart goes in one POST and is answered', async () => {
		const page = await browser.newPage();
		const validates: string[] = [];
		page.on('request', (request) => {
			if (request.method() !== 'OPTIONS' && request.url().includes('/client/v1/')) validates.push(`${request.method()} ${request.url()}`);
		});
		await page.goto(`http://www.shop.test:${fixtures.port}/blank.html`);
		const outcome = await page.evaluate(
			async ({ keys, apiUrl }) => {
				const { Voucherify } = window as unknown as { Voucherify: { createClient(options: unknown): { validate(params: unknown): Promise<unknown> } } };
				const client = Voucherify.createClient({ ...keys, apiUrl });
				const items = Array.from({ length: 300 }, (_, index) => ({ product_id: `prod_${'p'.repeat(80)}${index}`, quantity: 1, price: 100 }));
				const outcomeOf = (params: unknown) =>
					client.validate(params).then(
						(answer) => ({ valid: (answer as { valid: boolean }).valid }),
						(error: { name: string; status?: number; key?: string }) => ({ name: error.name, status: error.status, key: error.key }),
					);
				return { promotions: await outcomeOf({ items }), withCode: await outcomeOf({ code: 'WELCOME10', items }) };
			},
			{ keys: { clientApplicationId: MOCK_DEFAULTS.clientApplicationId, clientToken: MOCK_DEFAULTS.clientToken }, apiUrl: api.url },
		);
		expect(outcome).toEqual({ promotions: { name: 'VoucherifyApiError', status: 431, key: 'invalid_payload' }, withCode: { valid: true } });
		expect(validates.map((request) => request.split('?')[0])).toEqual([`GET ${api.url}/client/v1/promotions/validation`, `POST ${api.url}/client/v1/validations`]);
		expect(validates[0]?.length).toBeGreaterThan(40_000);
		await page.close();
	});
});

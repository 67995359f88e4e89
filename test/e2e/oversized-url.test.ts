import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMockApi, MOCK_DEFAULTS, type RunningMockServer } from '../../src/mock/index.js';
import { launchTestChromium } from './support/browser.js';
import { startFixtureServer } from './support/fixture-server.js';

/**
A 300-item validate (about 40 KB of URL, which the SDK allows) in real Chromium, straight at the mock (no proxy in
between, whose own header limit would answer first): the page gets the API's 431 error, not a network error, and the
call is sent once.
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
	test('rejects with the API error 431 invalid_payload, after exactly one GET', async () => {
		const page = await browser.newPage();
		const validates: string[] = [];
		page.on('request', (request) => {
			if (request.method() === 'GET' && request.url().includes('/client/v1/validate')) validates.push(request.url());
		});
		await page.goto(`http://www.shop.test:${fixtures.port}/blank.html`);
		const outcome = await page.evaluate(
			async ({ keys, apiUrl }) => {
				const { Voucherify } = window as unknown as { Voucherify: { createClient(options: unknown): { validate(params: unknown): Promise<unknown> } } };
				const client = Voucherify.createClient({ ...keys, apiUrl });
				const items = Array.from({ length: 300 }, (_, index) => ({ product_id: `prod_${'p'.repeat(80)}${index}`, quantity: 1, price: 100 }));
				try {
					await client.validate({ code: 'WELCOME10', items });
					return { resolved: true };
				} catch (error) {
					const { name, status, key } = error as { name: string; status?: number; key?: string };
					return { name, status, key };
				}
			},
			{ keys: { clientApplicationId: MOCK_DEFAULTS.clientApplicationId, clientToken: MOCK_DEFAULTS.clientToken }, apiUrl: api.url },
		);
		expect(outcome).toEqual({ name: 'VoucherifyApiError', status: 431, key: 'invalid_payload' });
		expect(validates).toHaveLength(1);
		expect(validates[0]?.length).toBeGreaterThan(40_000);
		await page.close();
	});
});

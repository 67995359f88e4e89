import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMockApi, MOCK_DEFAULTS, type RunningMockServer } from '../../src/mock/index.js';
import { ENGINES, useEngine } from './support/engines/index.js';
import { startFixtureServer } from './support/fixture-server.js';

/**
A 300-item cart in each engine, straight at the mock (no request log in between, whose own header limit would answer
first). Validated without a code it is the promotions query, about 40 KB of URL (which the SDK allows): the page gets
the API's 431 error, not a network error, and the call is sent once (counted by Resource Timing). With a code the
same cart goes in the JSON body of `POST /client/v1/validations`, which has no such limit, and is answered.
*/

let api: RunningMockServer;
let fixtures: { port: number; close(): Promise<void> };

beforeAll(async () => {
	api = await createMockApi({ allowedOrigins: ['.shop.test'] }).start({ port: 0, host: '127.0.0.1' });
	fixtures = await startFixtureServer(api.url);
});

afterAll(async () => {
	await fixtures?.close();
	await api?.close();
});

describe.each(ENGINES)('%s: an oversized validate URL', (engine) => {
	const run = useEngine(engine, 'oversized-url');

	test('the promotions validation rejects with the API error 431 invalid_payload, after exactly one GET; with a code the cart goes in one POST and is answered', async () => {
		const context = await run.browser().newContext();
		const page = await context.newPage();
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
				const promotions = await outcomeOf({ items });
				const withCode = await outcomeOf({ code: 'WELCOME10', items });
				const sent = (path: string) => performance.getEntriesByType('resource').filter((entry) => entry.name.includes(path));
				return { promotions, withCode, urlLengths: sent('/client/v1/promotions/validation?').map((entry) => entry.name.length), posts: sent('/client/v1/validations').length };
			},
			{ keys: { clientApplicationId: MOCK_DEFAULTS.clientApplicationId, clientToken: MOCK_DEFAULTS.clientToken }, apiUrl: api.url },
		);
		expect(outcome).toMatchObject({ promotions: { name: 'VoucherifyApiError', status: 431, key: 'invalid_payload' }, withCode: { valid: true }, posts: 1 });
		expect(outcome.urlLengths).toHaveLength(1);
		expect(outcome.urlLengths[0]).toBeGreaterThan(40_000);
		await context.close();
	});
});

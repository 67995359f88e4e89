import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFixtureSuite, type FixtureSuite } from './support/fixture-suite.js';
import { KEYS } from './support/stack.js';

let suite: FixtureSuite;

beforeAll(async () => {
	suite = await startFixtureSuite();
});

afterAll(() => suite?.close());

const pageUrl = (host: string, path = '/blank.html') => `http://${host}:${suite.fixtures.port}${path}`;

/**
Chromium only, and the only Chromium-only journey left: it evaluates inside a sandboxed iframe and reads the
console of that frame, which the engine-neutral driver (test/e2e/support/engines) does not offer; every other
script-tag journey runs in all three engines (script-tag-journeys, continuity).
*/
describe('the script-tag build in a sandboxed iframe, in Chromium', () => {
	test('in a sandboxed iframe without cookies or storage the SDK falls back to memory with one warning and no errors', async () => {
		const context = await suite.browser.newContext();
		const page = await context.newPage();
		const warnings: string[] = [];
		const errors: string[] = [];
		page.on('console', (message) => {
			if (message.type() === 'warning' && message.text().startsWith('[voucherify]')) warnings.push(message.text());
			if (message.type() === 'error') errors.push(message.text());
		});
		page.on('pageerror', (error) => errors.push(error.message));
		await page.goto(pageUrl('shop.test', '/sandboxed.html'));
		const frame = await (await page.waitForSelector('#widget')).contentFrame();
		await frame!.waitForFunction(() => 'Voucherify' in window);

		const outcome = await frame!.evaluate(
			async ({ keys, apiUrl }) => {
				let cookieAccess = 'allowed';
				try {
					void document.cookie;
				} catch (error) {
					cookieAccess = (error as Error).name;
				}
				const { Voucherify } = window as unknown as { Voucherify: { createClient(options: unknown): { trackingId?: string; validate(code: string): Promise<{ valid: boolean }> } } };
				const client = Voucherify.createClient({ ...keys, apiUrl });
				const first = await client.validate('WELCOME10');
				const idAfterFirst = client.trackingId;
				await client.validate('SAVE5');
				return { cookieAccess, valid: first.valid, idAfterFirst, idAfterSecond: client.trackingId };
			},
			{ keys: { clientApplicationId: KEYS.clientApplicationId, clientToken: KEYS.clientToken }, apiUrl: suite.stack.apiUrl },
		);

		expect(outcome.cookieAccess).toBe('SecurityError');
		expect(outcome.valid).toBe(true);
		expect(outcome.idAfterFirst).toMatch(/^track_/);
		expect(outcome.idAfterSecond).toBe(outcome.idAfterFirst);
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain('memory');
		expect(errors).toEqual([]);
		await context.close();
	});
});

import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchTestChromium } from './support/browser.js';
import { applyCode, openDemo } from './support/demo-page.js';
import { startStack, type Stack } from './support/stack.js';

const COOKIE_NAME = 'voucherify_tracking_id';
const HOSTILE_NAME = '<img src=x onerror="window.__pwned=1">Alice';
const HOSTILE_CODE = '<script>window.__pwned=2</script>';
const SCREENSHOT = 'test-results/demo-checkout.png';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
	stack = await startStack();
	browser = await launchTestChromium();
});

afterAll(async () => {
	await browser?.close();
	await stack?.close();
});

const trackingIdIn = (page: Page) => page.evaluate(() => (window as unknown as { Voucherify: { client: { trackingId?: string } } }).Voucherify.client.trackingId);

describe('the demo storefront in Chromium', () => {
	test('a shopper validates, checks out and becomes a customer with the anonymous activity merged', async () => {
		const context = await browser.newContext();
		const { page, problems } = await openDemo(context, stack.demoUrl);

		expect(await applyCode(page, 'EXPIRED')).toMatch(/not applied/);
		expect(await applyCode(page, 'WELCOME10')).toBe('Code WELCOME10 applied');
		const trackingId = await page.textContent('#tracking-id');
		expect(trackingId).toMatch(/^track_/);
		const [cookie] = (await context.cookies()).filter((entry) => entry.name === COOKIE_NAME);
		expect(cookie?.value).toBe(trackingId);

		await page.fill('#checkout-form input[name=name]', 'Alice Morgan');
		await page.fill('#checkout-form input[name=email]', 'alice@example.com');
		await page.click('#checkout-form button[type=submit]');
		await page.waitForSelector('#customer:not([hidden])');

		expect(await page.textContent('#customer-source-id')).toBe(trackingId);
		expect(await page.textContent('#customer-name')).toBe('Alice Morgan');

		const customerId = (await page.textContent('#customer-id')) ?? '';
		const activity = await stack.serverApi<{ data: Array<{ type: string }> }>(`/v1/customers/${customerId}/activity`);
		const types = activity.body.data.map((entry) => entry.type);
		expect(types).toEqual(
			expect.arrayContaining(['customer.validation.failed', 'customer.validation.succeeded', 'customer.redemption.succeeded']),
		);
		const customer = await stack.serverApi<{ source_id: string; email: string }>(`/v1/customers/${customerId}`);
		expect(customer.body).toMatchObject({ source_id: trackingId, email: 'alice@example.com' });

		mkdirSync('test-results', { recursive: true });
		await page.screenshot({ path: SCREENSHOT, fullPage: true });
		expect(problems).toEqual([]);
		await context.close();
	});

	test('renders a code and a customer name containing HTML as text', async () => {
		const context = await browser.newContext();
		const { page, problems } = await openDemo(context, stack.demoUrl);

		expect(await applyCode(page, HOSTILE_CODE)).toContain(HOSTILE_CODE);
		await applyCode(page, 'SAVE5');
		await page.fill('#checkout-form input[name=name]', HOSTILE_NAME);
		await page.click('#checkout-form button[type=submit]');
		await page.waitForSelector('#customer:not([hidden])');

		expect(await page.textContent('#customer-name')).toBe(HOSTILE_NAME);
		expect(await page.$$('main img, main script')).toHaveLength(0);
		expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
		expect(problems).toEqual([]);
		await context.close();
	});

	test('the tracking id survives a reload and a new tab', async () => {
		const context = await browser.newContext();
		const { page } = await openDemo(context, stack.demoUrl);
		await applyCode(page, 'WELCOME10');
		const trackingId = await trackingIdIn(page);
		expect(trackingId).toMatch(/^track_/);

		await page.reload();
		expect(await trackingIdIn(page)).toBe(trackingId);

		const { page: secondTab } = await openDemo(context, stack.demoUrl);
		stack.requests.length = 0;
		await applyCode(secondTab, 'SAVE5');
		expect(await trackingIdIn(secondTab)).toBe(trackingId);
		const validation = stack.requests.find((request) => request.method === 'GET' && request.path.startsWith('/client/v1/validate'));
		expect(validation?.path).toContain(`tracking_id=${encodeURIComponent(trackingId!)}`);
		await context.close();
	});

	test('two tabs on a fresh visit send one and the same tracking id once the first answers are in', async () => {
		const context = await browser.newContext();
		const [first, second] = await Promise.all([openDemo(context, stack.demoUrl), openDemo(context, stack.demoUrl)]);
		stack.requests.length = 0;
		await Promise.all([applyCode(first.page, 'WELCOME10'), applyCode(second.page, 'SAVE5')]);
		// The next call in each tab reads the cookie, which holds the id of whichever answer was stored first.
		await Promise.all([applyCode(first.page, 'BIGSALE20'), applyCode(second.page, 'GIFT50')]);

		const validations = stack.requests
			.filter((request) => request.method === 'GET' && request.path.startsWith('/client/v1/validate?'))
			.map((request) => new URL(request.path, stack.apiUrl).searchParams);
		const sentWith = (code: string) => validations.find((query) => query.get('code') === code)?.get('tracking_id');
		const sentAfterFirstAnswers = [sentWith('BIGSALE20'), sentWith('GIFT50')];
		const everyIdSent = new Set(validations.map((query) => query.get('tracking_id')).filter((id) => id !== null));

		expect(validations.map((query) => query.get('code')).sort()).toEqual(['BIGSALE20', 'GIFT50', 'SAVE5', 'WELCOME10']);
		expect(sentAfterFirstAnswers[0]).toMatch(/^track_/);
		expect(sentAfterFirstAnswers[1]).toBe(sentAfterFirstAnswers[0]);
		expect([...everyIdSent]).toEqual([sentAfterFirstAnswers[0]]);
		expect(await Promise.all([trackingIdIn(first.page), trackingIdIn(second.page)])).toEqual(sentAfterFirstAnswers);
		expect((await context.cookies()).filter((cookie) => cookie.name === COOKIE_NAME).map((cookie) => cookie.value)).toEqual([sentAfterFirstAnswers[0]]);
		await context.close();
	});

	test('Chromium stores the tracking cookie first-party, Lax, for a year, readable by the page', async () => {
		const context = await browser.newContext();
		const { page } = await openDemo(context, stack.demoUrl);
		await applyCode(page, 'WELCOME10');
		const [cookie] = (await context.cookies()).filter((entry) => entry.name === COOKIE_NAME);
		const oneYearFromNow = Date.now() / 1000 + 365 * 86_400;

		expect(cookie).toMatchObject({ domain: 'localhost', path: '/', sameSite: 'Lax', httpOnly: false, secure: false });
		expect(Math.abs(cookie!.expires - oneYearFromNow)).toBeLessThan(3600);
		expect(cookie!.value).toBe(await trackingIdIn(page));
		await context.close();
	});

	test('one validate costs a preflight and a GET; the tenth stackable validation costs one POST', async () => {
		const context = await browser.newContext();
		const { page } = await openDemo(context, stack.demoUrl);
		const countFor = async (call: () => Promise<unknown>) => {
			stack.requests.length = 0;
			await call();
			return stack.requests.map((request) => `${request.method} ${request.path.split('?')[0]}`);
		};
		const validate = (code: string) => () =>
			page.evaluate((value) => (window as unknown as { Voucherify: { client: { validate(code: string): Promise<unknown> } } }).Voucherify.client.validate(value), code);
		const validateStackable = () =>
			page.evaluate(() =>
				(window as unknown as { Voucherify: { client: { validateStackable(params: unknown): Promise<unknown> } } }).Voucherify.client.validateStackable({
					redeemables: [{ object: 'voucher', id: 'WELCOME10' }],
					order: { amount: 5000 },
				}),
			);

		expect(await countFor(validate('WELCOME10'))).toEqual(['OPTIONS /client/v1/validate', 'GET /client/v1/validate']);
		// Each code makes a new URL, and Chromium keys its preflight cache by URL.
		expect(await countFor(validate('SAVE5'))).toEqual(['OPTIONS /client/v1/validate', 'GET /client/v1/validate']);

		const stackableCounts: string[][] = [];
		for (let call = 1; call <= 10; call += 1) stackableCounts.push(await countFor(validateStackable));
		expect(stackableCounts[0]).toEqual(['OPTIONS /client/v1/validations', 'POST /client/v1/validations']);
		expect(stackableCounts[9]).toEqual(['POST /client/v1/validations']);
		await context.close();
	});
});

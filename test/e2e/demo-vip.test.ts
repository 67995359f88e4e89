import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { VIP_RULE_MESSAGE } from '../../demo/vip-code.mjs';
import { launchTestChromium } from './support/browser.js';
import { applyCode, openDemo } from './support/demo-page.js';
import { startStack, type Stack } from './support/stack.js';

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


async function checkOut(page: Page, code: string) {
	await page.fill('#code', code);
	await page.fill('#checkout-form input[name=email]', 'repeat@example.com');
	await page.click('#checkout-form button[type=submit]');
	await page.waitForSelector('#customer:not([hidden])');
}

describe('the demo’s segment-targeted VIP code in Chromium', () => {
	test('a new visitor is refused VIP; after one order the customer joins "Repeat buyers" and VIP applies', async () => {
		const context = await browser.newContext();
		const { page, problems } = await openDemo(context, stack.demoUrl);
		expect(await page.textContent('#vip-hint')).toContain('VIP');

		expect(await applyCode(page, 'VIP')).toBe(`Code VIP not applied: ${VIP_RULE_MESSAGE}`);
		await checkOut(page, 'WELCOME10');
		expect(await page.textContent('#customer-segments')).toBe('Repeat buyers');
		expect(await applyCode(page, 'VIP')).toBe('Code VIP applied');
		expect(await page.textContent('#discount')).toBe('30% off');

		const customerId = (await page.textContent('#customer-id')) ?? '';
		const segments = await stack.serverApi<{ data: { name: string }[] }>(`/v1/customers/${customerId}/segments`);
		expect(segments.body.data.map((segment) => segment.name)).toEqual(['Repeat buyers']);
		expect(problems).toEqual([]);
		await context.close();
	});

	test('checking out with VIP as a new visitor is refused by the redemption too', async () => {
		const context = await browser.newContext();
		const { page } = await openDemo(context, stack.demoUrl);
		await page.fill('#code', 'VIP');
		await page.click('#checkout-form button[type=submit]');
		await page.waitForSelector('#checkout-error:not([hidden])');
		expect(await page.textContent('#checkout-error')).toBe(VIP_RULE_MESSAGE);
		await context.close();
	});
});

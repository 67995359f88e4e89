import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFixtureSuite, type FixtureSuite } from './support/fixture-suite.js';
import { validations } from './support/journeys.js';
import { KEYS } from './support/stack.js';

let suite: FixtureSuite;

beforeAll(async () => {
	suite = await startFixtureSuite();
});

afterAll(() => suite?.close());

const pageUrl = (host: string, path = '/blank.html') => `http://${host}:${suite.fixtures.port}${path}`;

type PageClientOptions = { domain?: string };

/** Creates a client in the page from the script-tag build's global and runs one call. */
function inPage<T>(page: Page, call: 'validate' | 'trackingId' | 'setIdentity', argument: string, options: PageClientOptions = {}) {
	return page.evaluate(
		async ({ call, argument, options, keys, apiUrl }) => {
			const { Voucherify } = window as unknown as { Voucherify: { createClient(options: unknown): Record<string, unknown> } };
			const client = Voucherify.createClient({
				clientApplicationId: keys.clientApplicationId,
				clientToken: keys.clientToken,
				apiUrl,
				tracking: options.domain ? { domain: options.domain } : {},
			});
			if (call === 'trackingId') return client.trackingId;
			const result = await (client[call] as (value: string) => unknown)(argument);
			return call === 'validate' ? (client.trackingId as string) : result;
		},
		{ call, argument, options, keys: KEYS, apiUrl: suite.stack.apiUrl },
	) as Promise<T>;
}

describe('the script-tag build in Chromium', () => {
	test('www.shop.test and checkout.shop.test share one tracking id when tracking.domain is .shop.test', async () => {
		const context = await suite.browser.newContext();
		const www = await context.newPage();
		await www.goto(pageUrl('www.shop.test'));
		const trackingId = await inPage<string>(www, 'validate', 'WELCOME10', { domain: '.shop.test' });
		expect(trackingId).toMatch(/^track_/);

		const checkout = await context.newPage();
		await checkout.goto(pageUrl('checkout.shop.test'));
		expect(await inPage(checkout, 'trackingId', '', { domain: '.shop.test' })).toBe(trackingId);
		await context.close();
	});

	test('without tracking.domain the cookie stays on its own host', async () => {
		const context = await suite.browser.newContext();
		const www = await context.newPage();
		await www.goto(pageUrl('www.shop.test'));
		await inPage(www, 'validate', 'WELCOME10');
		const checkout = await context.newPage();
		await checkout.goto(pageUrl('checkout.shop.test'));
		expect(await inPage(checkout, 'trackingId', '')).toBeUndefined();
		await context.close();
	});

	test('setIdentity hashes on a plain-http page that is not a secure context, and the email is never sent', async () => {
		const context = await suite.browser.newContext();
		const page = await context.newPage();
		await page.goto(pageUrl('shop.test'));
		expect(await page.evaluate(() => [window.isSecureContext, typeof crypto.subtle])).toEqual([false, 'undefined']);

		const email = 'Alice.Morgan@Example.com';
		const expected = createHash('sha256').update(email.toLowerCase()).digest('hex');
		suite.stack.requests.length = 0;
		const hash = await page.evaluate(
			async ({ email, keys, apiUrl }) => {
				const { Voucherify } = window as unknown as { Voucherify: { createClient(options: unknown): { setIdentity(id: string): string; validate(code: string): Promise<unknown> } } };
				const client = Voucherify.createClient({ ...keys, apiUrl });
				const value = client.setIdentity(email);
				await client.validate('WELCOME10');
				return value;
			},
			{ email, keys: { clientApplicationId: KEYS.clientApplicationId, clientToken: KEYS.clientToken }, apiUrl: suite.stack.apiUrl },
		);

		expect(hash).toBe(expected);
		expect(validations(suite.stack).map((fields) => fields.get('tracking_id'))).toEqual([expected]);
		const sent = suite.stack.requests.map((request) => `${decodeURIComponent(request.path)} ${request.body}`).join('\n');
		expect(sent.toLowerCase()).not.toContain('alice');
		await context.close();
	});

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

	test('data-api-url alone on the script tag applies to keys from a queued initialize', async () => {
		const context = await suite.browser.newContext();
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('console', (message) => {
			if (message.type() === 'error') errors.push(message.text());
		});
		await page.goto(pageUrl('shop.test'));
		suite.stack.requests.length = 0;

		const answer = await page.evaluate(
			({ keys, apiUrl }) =>
				new Promise<{ valid?: boolean; type?: string }>((resolve) => {
					(window as unknown as { Voucherify: unknown }).Voucherify = [
						['initialize', keys.clientApplicationId, keys.clientToken],
						['validate', 'WELCOME10', resolve],
					];
					const script = document.createElement('script');
					script.src = '/voucherify.min.js';
					script.dataset.apiUrl = apiUrl;
					document.head.append(script);
				}),
			{ keys: { clientApplicationId: KEYS.clientApplicationId, clientToken: KEYS.clientToken }, apiUrl: suite.stack.apiUrl },
		);

		expect(answer).toMatchObject({ valid: true });
		expect(validations(suite.stack).map((fields) => fields.get('code'))).toEqual(['WELCOME10']);
		expect(errors).toEqual([]);
		await context.close();
	});

	test('a storefront written for the voucherify.js global works unchanged with this script tag', async () => {
		const context = await suite.browser.newContext();
		const page = await context.newPage();
		suite.stack.requests.length = 0;
		await page.goto(pageUrl('shop.test', '/legacy-shop.html'));
		await page.waitForFunction(() => document.querySelector('#result')?.textContent !== 'waiting');

		expect(await page.textContent('#result')).toBe('valid WELCOME10');
		expect(await page.textContent('#price')).toBe('90');
		const hash = createHash('sha256').update('legacy.shopper@example.com').digest('hex');
		expect(validations(suite.stack).some((fields) => fields.get('tracking_id') === hash)).toBe(true);
		await context.close();
	});
});

describe('a storefront written for voucherify.js with jQuery promises and the widget, under a strict CSP', () => {
	test('.done/.fail/.always, customer.id, price * 100 amounts and render work with only the script src swapped, with no CSP violation', async () => {
		const customer = await suite.stack.serverApi<{ id: string }>('/v1/customers', { method: 'POST', body: { source_id: 'jquery-shopper', name: 'Gustav' } });
		expect(customer.status).toBe(200);
		const context = await suite.browser.newContext();
		const page = await context.newPage();
		const problems: string[] = [];
		page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
		page.on('console', (message) => {
			// Resource failures are checked by URL below (Chromium asks for a /favicon.ico the fixtures do not have).
			if ((message.type() === 'error' || message.type() === 'warning') && !message.text().startsWith('Failed to load resource')) {
				problems.push(`${message.type()}: ${message.text()}`);
			}
		});
		page.on('response', (response) => {
			// The shop's own files; the API's deliberate 404 (the unknown customer) is asserted above.
			const url = new URL(response.url());
			if (response.status() >= 400 && url.hostname === 'shop.test' && url.pathname !== '/favicon.ico') problems.push(`${response.status()} ${url.href}`);
		});
		await page.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (event) => {
				console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
			});
		});
		suite.stack.requests.length = 0;
		await page.goto(pageUrl('shop.test', `/jquery-shop.html#${customer.body.id}`));

		await page.waitForFunction(() => [...document.querySelectorAll('p')].every((p) => p.id === 'widget-result' || p.textContent !== 'waiting'));
		expect(await page.textContent('#chained')).toBe('done WELCOME10, always');
		expect(await page.textContent('#customer')).toBe(`valid for ${customer.body.id}`);
		expect(await page.textContent('#unknown-customer')).toBe('error resource_not_found');
		expect(await page.textContent('#float')).toBe('amount 1999');
		expect(validations(suite.stack).some((fields) => fields.get('customer[id]') === customer.body.id)).toBe(true);

		// The widget: loaded from beside the core, labelled, and announcing the result in a live region.
		const code = page.getByRole('textbox', { name: 'Discount code' });
		await code.fill('WELCOME10');
		await page.getByRole('textbox', { name: 'Order amount' }).fill('49,99');
		await page.getByRole('button', { name: 'Validate' }).click();
		await page.waitForFunction(() => document.querySelector('#widget-result')?.textContent !== 'waiting');

		expect(await page.getByRole('status').textContent()).toBe('Code WELCOME10 applied: 10% off');
		expect(await page.textContent('#widget-result')).toBe('price: 44.99');
		expect(await page.inputValue('input[name=voucherifyDiscountType]')).toBe('PERCENT');
		expect(await code.isDisabled()).toBe(true);
		expect(await page.evaluate(() => [document.adoptedStyleSheets.length, getComputedStyle(document.querySelector('.voucherifyContainer')!).display])).toEqual([1, 'flex']);
		expect((await page.evaluate(() => [...document.scripts].map((script) => new URL(script.src).pathname))).sort()).toEqual([
			'/csp-watch.js',
			'/jquery-shop.js',
			'/voucherify-widget.min.js',
			'/voucherify.min.js',
		]);
		expect(validations(suite.stack).some((fields) => fields.get('code') === 'WELCOME10' && fields.get('amount') === '4999')).toBe(true);
		expect(problems).toEqual([]);

		// The detector works: a style attribute, which the widget never writes, is reported under this CSP.
		await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
		await expect.poll(() => problems).toEqual([expect.stringContaining('violates the following Content Security Policy'), 'error: CSP violation: style-src-attr inline']);
		await context.close();
	});

	test('a page that includes only the core and never calls render loads no widget', async () => {
		const context = await suite.browser.newContext();
		const page = await context.newPage();
		const loaded: string[] = [];
		page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
		await page.goto(pageUrl('shop.test', '/legacy-shop.html'));
		await page.waitForFunction(() => document.querySelector('#result')?.textContent !== 'waiting');

		expect(await page.textContent('#result')).toBe('valid WELCOME10');
		expect(loaded).not.toContain('/voucherify-widget.min.js');
		await context.close();
	});
});

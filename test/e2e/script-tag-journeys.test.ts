import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ENGINES, textContent, useEngine, type EnginePage } from './support/engines/index.js';
import { startFixtureServer } from './support/fixture-server.js';
import { addScriptTag, clientKeys, cspViolations, validations } from './support/journeys.js';
import { startStack, type Stack } from './support/stack.js';

/** The script tag in Chromium, Firefox ESR and WebKitGTK: its companion file, the voucherify.js API, a strict CSP. */

/** The integrity of a built file: sha384 as a page writes it for the core, sha256 as the core carries it for a companion. */
const integrity = (file: string, algorithm: 'sha384' | 'sha256' = 'sha384') =>
	`${algorithm}-${createHash(algorithm).update(readFileSync(fileURLToPath(new URL(`../../dist/${file}`, import.meta.url)))).digest('base64')}`;

let stack: Stack;
let fixtures: { port: number; close(): Promise<void> };

beforeAll(async () => {
	stack = await startStack({ allowedOrigins: ['*'] });
	fixtures = await startFixtureServer(stack.apiUrl);
});

afterAll(async () => {
	await fixtures?.close();
	await stack?.close();
});

const pageUrl = (path: string) => `http://shop.test:${fixtures.port}${path}`;

/** Runs calls through a client of the page's script tag; answers what each call resolved with, or the error's name. */
const runCalls = (page: EnginePage, calls: string[]) =>
	page.evaluate(
		async ({ keys, calls }) => {
			const client = (window as unknown as { Voucherify: { createClient(options: unknown): Record<string, (...args: unknown[]) => Promise<unknown>> } }).Voucherify.createClient(keys);
			const outcomes: string[] = [];
			for (const call of calls) {
				const args = call === 'validate' ? ['WELCOME10'] : call === 'validateStackable' ? [{ redeemables: [{ object: 'voucher', id: 'WELCOME10' }] }] : [];
				outcomes.push(await client[call]!(...args).then((answer) => typeof answer, (error: Error) => error.name));
			}
			return outcomes;
		},
		{ keys: clientKeys(stack), calls },
	);

/** The companion file as the page fetched it: every load (Resource Timing) and the script element's integrity. */
const companion = (page: EnginePage) =>
	page.evaluate(() => ({
		loads: performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('/voucherify-calls.min.js')).length,
		integrity: document.querySelector<HTMLScriptElement>('script[src$="voucherify-calls.min.js"]')?.getAttribute('integrity') ?? null,
	}));

describe.each(ENGINES)('%s: the script tag', (engine) => {
	const run = useEngine(engine, 'script-tag-journeys');

	async function open(path: string) {
		const context = await run.browser().newContext();
		const page = await context.newPage();
		await page.goto(pageUrl(path));
		return { context, page };
	}

	test('a page that only validates never loads the companion file; the first other call loads it once from beside the core', async () => {
		const { context, page } = await open('/blank.html');
		expect(await runCalls(page, ['validate', 'validate'])).toEqual(['object', 'object']);
		expect(await companion(page)).toEqual({ loads: 0, integrity: null });

		expect(await runCalls(page, ['validateStackable', 'listConsents', 'validateStackable'])).toEqual(['object', 'object', 'object']);
		expect(await companion(page)).toEqual({ loads: 1, integrity: null });
		await context.close();
	});

	test('a core loaded with integrity loads the companion with its sha256', async () => {
		const { context, page } = await open('/empty.html');
		await addScriptTag(page, '/voucherify.min.js', integrity('voucherify.min.js'));
		expect(await runCalls(page, ['listConsents', 'validateStackable'])).toEqual(['object', 'object']);
		expect(await companion(page)).toEqual({ loads: 1, integrity: integrity('voucherify-calls.min.js', 'sha256') });
		await context.close();
	});

	test('a tampered companion file is refused when the core has integrity, and runs (so the tampering is real) when it has not', async () => {
		const withIntegrity = await open('/empty.html');
		await addScriptTag(withIntegrity.page, '/tampered/voucherify.min.js', integrity('voucherify.min.js'));
		expect(await runCalls(withIntegrity.page, ['listConsents'])).toEqual(['VoucherifyNetworkError']);
		expect(await withIntegrity.page.evaluate(() => 'VoucherifyCalls' in window)).toBe(false);
		await withIntegrity.context.close();

		const without = await open('/empty.html');
		await addScriptTag(without.page, '/tampered/voucherify.min.js');
		await runCalls(without.page, ['listConsents']);
		expect(await without.page.evaluate(() => JSON.stringify((window as unknown as { VoucherifyCalls?: unknown }).VoucherifyCalls))).toBe('{}');
		await without.context.close();
	});

	test('data-api-url alone on the script tag applies to keys from a queued initialize', async () => {
		const { context, page } = await open('/empty.html');
		stack.requests.length = 0;
		const answer = await page.evaluate(
			(keys) =>
				new Promise<{ valid?: boolean }>((resolve) => {
					(window as unknown as { Voucherify: unknown }).Voucherify = [
						['initialize', keys.clientApplicationId, keys.clientToken],
						['validate', 'WELCOME10', resolve],
					];
					const script = document.createElement('script');
					script.src = '/voucherify.min.js';
					script.dataset.apiUrl = keys.apiUrl;
					document.head.append(script);
				}),
			clientKeys(stack),
		);
		expect(answer).toMatchObject({ valid: true });
		expect(validations(stack).map((fields) => fields.get('code'))).toEqual(['WELCOME10']);
		await context.close();
	});

	test('a storefront written for voucherify.js (queued initialize, setBaseUrl, setIdentity, validate(params, callback)) works unchanged', async () => {
		stack.requests.length = 0;
		const { context, page } = await open('/legacy-shop.html');
		await page.waitForFunction(() => document.querySelector('#result')?.textContent !== 'waiting');

		expect(await textContent(page, '#result')).toBe('valid WELCOME10');
		expect(await textContent(page, '#price')).toBe('90');
		const hash = createHash('sha256').update('legacy.shopper@example.com').digest('hex');
		expect(validations(stack).some((fields) => fields.get('tracking_id') === hash)).toBe(true);
		expect(await cspViolations(page)).toEqual([]);
		await context.close();
	});

	test('.done/.fail/.always, customer.id, price * 100 amounts and the widget under a strict CSP, with no violation; the detector sees one', async () => {
		const customer = await stack.serverApi<{ id: string }>('/v1/customers', { method: 'POST', body: { source_id: `jquery-shopper-${engine}`, name: 'Gustav' } });
		expect(customer.status).toBe(200);
		stack.requests.length = 0;
		const { context, page } = await open(`/jquery-shop.html#${customer.body.id}`);
		await page.waitForFunction(() => [...document.querySelectorAll('p')].every((p) => p.id === 'widget-result' || p.textContent !== 'waiting'));
		expect(await textContent(page, '#chained')).toBe('done WELCOME10, always');
		expect(await textContent(page, '#customer')).toBe(`valid for ${customer.body.id}`);
		expect(await textContent(page, '#unknown-customer')).toBe('error resource_not_found');
		expect(await textContent(page, '#float')).toBe('amount 1999');

		await page.waitForFunction(() => document.querySelector('input[name=voucherifyCode]') !== null);
		await page.fill('input[name=voucherifyCode]', 'WELCOME10');
		await page.fill('input[name=voucherifyAmount]', '49,99');
		await page.click('button.voucherifyValidate');
		await page.waitForFunction(() => document.querySelector('#widget-result')?.textContent !== 'waiting');
		expect(await textContent(page, '[role=status]')).toBe('Code WELCOME10 applied: 10% off');
		expect(await textContent(page, '#widget-result')).toBe('price: 44.99');
		expect(
			await page.evaluate(() => [
				document.querySelector<HTMLInputElement>('input[name=voucherifyDiscountType]')?.value,
				document.querySelector<HTMLInputElement>('input[name=voucherifyCode]')?.disabled,
				document.adoptedStyleSheets.length,
				getComputedStyle(document.querySelector('.voucherifyContainer')!).display,
			]),
		).toEqual(['PERCENT', true, 1, 'flex']);
		expect(validations(stack).some((fields) => fields.get('code') === 'WELCOME10' && fields.get('amount') === '4999')).toBe(true);
		expect(await cspViolations(page)).toEqual([]);

		// The detector works in this engine: a style attribute, which the widget never writes, is reported.
		await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
		await page.waitForFunction(() => ((window as unknown as { __cspViolations: string[] }).__cspViolations.length > 0));
		expect(await cspViolations(page)).toEqual([expect.stringMatching(/^style-src(-attr)? /)]);
		await context.close();
	});
});

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFixtureSuite, type FixtureSuite } from './support/fixture-suite.js';
import { KEYS } from './support/stack.js';

/** The script tag's core validates on its own and loads `voucherify-calls.min.js` beside itself for every other call. */

const sha384 = (file: string) =>
	`sha384-${createHash('sha384').update(readFileSync(fileURLToPath(new URL(`../../dist/${file}`, import.meta.url)))).digest('base64')}`;

let suite: FixtureSuite;

beforeAll(async () => {
	suite = await startFixtureSuite();
});

afterAll(() => suite?.close());

const keys = () => ({ clientApplicationId: KEYS.clientApplicationId, clientToken: KEYS.clientToken, apiUrl: suite.stack.apiUrl });

async function openPage(path: string) {
	const page = await (await suite.browser.newContext()).newPage();
	const loaded: string[] = [];
	const problems: string[] = [];
	page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(message.text());
	});
	await page.goto(`http://shop.test:${suite.fixtures.port}${path}`);
	return { page, loaded, problems };
}

/** Runs calls through a client of the page's script tag; answers what each call resolved with, or the error's name. */
const runCalls = (page: Page, calls: string[]) =>
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
		{ keys: keys(), calls },
	);

describe('the script tag’s companion file voucherify-calls.min.js', () => {
	test('a page that only validates never loads it', async () => {
		const { page, loaded } = await openPage('/blank.html');
		expect(await runCalls(page, ['validate', 'validate'])).toEqual(['object', 'object']);

		expect(loaded).not.toContain('/voucherify-calls.min.js');
	});

	test('the first other call loads it once, from beside the core, under script-src self; later calls reuse it', async () => {
		const { page, loaded, problems } = await openPage('/blank.html');
		expect(await runCalls(page, ['validateStackable', 'listConsents', 'validateStackable'])).toEqual(['object', 'object', 'object']);

		expect(loaded.filter((path) => path === '/voucherify-calls.min.js')).toHaveLength(1);
		expect(problems).toEqual([]);
	});

	test('a core loaded with Subresource Integrity loads the companion with its sha384 too, and a tampered file is refused', async () => {
		const { page } = await openPage('/empty.html');
		const integrity = sha384('voucherify.min.js');
		await page.evaluate(
			(integrity) =>
				new Promise((resolve, reject) => {
					const script = document.createElement('script');
					Object.assign(script, { src: '/voucherify.min.js', integrity, crossOrigin: 'anonymous', onload: resolve, onerror: reject });
					document.head.append(script);
				}),
			integrity,
		);
		await page.route('**/voucherify-calls.min.js', (route) => route.fulfill({ contentType: 'text/javascript', body: 'window.VoucherifyCalls = {};' }));

		expect(await runCalls(page, ['listConsents'])).toEqual(['VoucherifyNetworkError']);
		expect(await page.evaluate(() => document.querySelector<HTMLScriptElement>('script[src$="voucherify-calls.min.js"]')?.integrity)).toBeUndefined();

		await page.unroute('**/voucherify-calls.min.js');
		expect(await runCalls(page, ['listConsents'])).toEqual(['object']);
		expect(await page.evaluate(() => document.querySelector<HTMLScriptElement>('script[src$="voucherify-calls.min.js"]')?.integrity)).toBe(sha384('voucherify-calls.min.js'));
	});
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { FixtureServer } from './support/fixture-server.js';
import { startFixtureSuite, type FixtureSuite } from './support/fixture-suite.js';
import { clientKeys } from './support/journeys.js';
import type { Stack } from './support/stack.js';

/**
Chromium, against the mock over HTTP: the one-file build needs no companion file, and the core meets a missing one
with the typed error on every path a storefront can take, then loads it once it is served.
*/

const CALLS = '/voucherify-calls.min.js';
const WIDGET = '/voucherify-widget.min.js';

let suite: FixtureSuite;
let stack: Stack;
let fixtures: FixtureServer;
let browser: Browser;

beforeAll(async () => {
	suite = await startFixtureSuite();
	({ stack, fixtures, browser } = suite);
});

afterAll(() => suite?.close());

beforeEach(() => {
	fixtures.missing.clear();
	fixtures.requested.length = 0;
	stack.requests.length = 0;
});

async function open(path: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	const asked: string[] = [];
	page.on('request', (request) => asked.push(new URL(request.url()).pathname));
	await page.goto(`http://shop.test:${fixtures.port}${path}`);
	return { context, page, asked };
}

const companionsIn = (paths: string[]) => paths.filter((path) => path === CALLS || path === WIDGET);

type Global = Record<string, (...args: unknown[]) => unknown> & { createClient(options: unknown): Record<string, (...args: unknown[]) => Promise<Record<string, unknown>>> };

describe('the one-file build dist/voucherify.full.min.js in Chromium', () => {
	test('runs validate, track and validateStackable, the voucherify.js calls and render with no companion file served, and asks for none', async () => {
		fixtures.missing.add(CALLS).add(WIDGET);
		const { context, page, asked } = await open('/empty.html');
		await page.addScriptTag({ url: '/voucherify.full.min.js' });

		const outcome = await page.evaluate(async (keys) => {
			const Voucherify = (window as unknown as { Voucherify: Global }).Voucherify;
			const client = Voucherify.createClient(keys);
			const validation = await client.validate!({ code: 'WELCOME10', amount: 4900 });
			const tracked = await client.track!('viewed_cart', { metadata: { items: 2 } });
			const stacked = await client.validateStackable!({ redeemables: [{ object: 'voucher', id: 'WELCOME10' }], order: { amount: 4900 } });
			Voucherify.initialize!(keys.clientApplicationId, keys.clientToken);
			Voucherify.setBaseUrl!(keys.apiUrl);
			const legacyTrack = await new Promise<Record<string, unknown>>((resolve) => Voucherify.track!('legacy_event', {}, resolve));
			const promotions = (await Voucherify.validate!({ amount: 20_000 })) as Record<string, unknown>;
			document.body.innerHTML = '<div id="voucher"></div>';
			const widget = (await Voucherify.render!('#voucher')) as HTMLElement;
			return {
				validation: [validation.valid, validation.code, (validation.discount as { percent_off?: number })?.percent_off],
				tracked: tracked.type ?? 'no type',
				stacked: stacked.valid,
				legacyTrack: legacyTrack.type ?? 'no type',
				promotions: promotions.valid,
				widget: widget.querySelector('input[name=voucherifyCode]') !== null,
				globals: ['VoucherifyCalls', 'VoucherifyWidget'].filter((name) => name in window),
				scripts: [...document.scripts].map((script) => new URL(script.src).pathname),
			};
		}, clientKeys(stack));

		expect(outcome).toEqual({
			validation: [true, 'WELCOME10', 10],
			tracked: 'viewed_cart',
			stacked: true,
			legacyTrack: 'legacy_event',
			promotions: true,
			widget: true,
			globals: [],
			scripts: ['/voucherify.full.min.js'],
		});
		expect(stack.requests.filter((request) => request.method === 'POST').map((request) => request.path.split('?')[0])).toEqual([
			'/client/v1/validations',
			'/client/v1/events',
			'/client/v1/validations',
			'/client/v1/events',
		]);
		expect(companionsIn(asked)).toEqual([]);
		expect(companionsIn(fixtures.requested)).toEqual([]);
		await context.close();
	});
});

describe('the core dist/voucherify.min.js with a companion file missing, in Chromium', () => {
	/** Every path a storefront can take to a call in a companion file, each answering what it was handed. */
	const everyPath = (page: Page) =>
		page.evaluate(async (keys) => {
			const Voucherify = (window as unknown as { Voucherify: Global }).Voucherify;
			Voucherify.initialize!(keys.clientApplicationId, keys.clientToken);
			Voucherify.setBaseUrl!(keys.apiUrl);
			const client = Voucherify.createClient(keys);
			const typed = (error: unknown) => {
				const { name, message } = error as Error;
				return `${Voucherify.isNetworkError!(error) ? 'network error' : 'other'} ${name}: ${message}`;
			};
			const legacy = (answer: unknown) => {
				const { type, message, context } = answer as { type?: string; message?: string; context?: unknown };
				return type === 'error' ? `error ${typed(context)} (${message})` : `answer ${typeof answer}`;
			};
			const chained = (promise: unknown) =>
				new Promise<string[]>((resolve) => {
					const seen: string[] = [];
					(promise as { done(f: unknown): { fail(f: unknown): { always(f: unknown): void } } })
						.done(() => seen.push('done'))
						.fail((error: unknown) => seen.push(`fail ${legacy(error)}`))
						.always((value: unknown) => resolve([...seen, `always ${legacy(value)}`]));
				});
			document.body.innerHTML = '<div id="voucher"></div>';
			return {
				promise: await client.listConsents!().then(() => 'resolved', typed),
				callback: await new Promise<string>((resolve) => Voucherify.track!('viewed_cart', {}, (answer: unknown) => resolve(legacy(answer)))),
				promotionsCallback: await new Promise<string>((resolve) => Voucherify.validate!({ amount: 20_000 }, (answer: unknown) => resolve(legacy(answer)))),
				jquery: await chained(Voucherify.publish!('Welcome Codes', {})),
				render: await (Voucherify.render!('#voucher') as Promise<unknown>).then(() => 'resolved', typed),
				renderJquery: await chained(Voucherify.render!('#voucher')),
			};
		}, clientKeys(stack));

	test('the promise, the voucherify.js callback, .done/.fail/.always and render get the typed error naming the file; once it is served the next call loads it', async () => {
		fixtures.missing.add(CALLS).add(WIDGET);
		const { context, page } = await open('/blank.html');
		const origin = `http://shop.test:${fixtures.port}`;
		const callsError = `VoucherifyNetworkError: Could not load ${origin}${CALLS}`;
		const widgetError = `VoucherifyNetworkError: Could not load ${origin}${WIDGET}`;

		expect(await everyPath(page)).toEqual({
			promise: `network error ${callsError}`,
			callback: `error network error ${callsError} (Could not load ${origin}${CALLS})`,
			promotionsCallback: `error network error ${callsError} (Could not load ${origin}${CALLS})`,
			jquery: [`fail error network error ${callsError} (Could not load ${origin}${CALLS})`, `always error network error ${callsError} (Could not load ${origin}${CALLS})`],
			render: `network error ${widgetError}`,
			renderJquery: [`fail error network error ${widgetError} (Could not load ${origin}${WIDGET})`, `always error network error ${widgetError} (Could not load ${origin}${WIDGET})`],
		});
		// Each failed call asked for the file again: nothing was left cached as loading.
		expect(companionsIn(fixtures.requested)).toEqual([CALLS, CALLS, CALLS, CALLS, WIDGET, WIDGET]);
		expect(stack.requests.filter((request) => request.method !== 'OPTIONS')).toEqual([]);

		fixtures.missing.clear();
		fixtures.requested.length = 0;
		expect(await everyPath(page)).toEqual({
			promise: 'resolved',
			callback: 'answer object',
			promotionsCallback: 'answer object',
			jquery: ['done', 'always answer object'],
			render: 'resolved',
			renderJquery: ['done', 'always answer object'],
		});
		expect(companionsIn(fixtures.requested)).toEqual([CALLS, WIDGET]);
		await context.close();
	});
});

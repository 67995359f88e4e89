import { createHash } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFixtureSuite, type FixtureSuite } from './support/fixture-suite.js';
import { applyCode } from './support/demo-page.js';
import { KEYS } from './support/stack.js';

/** CONTRACT §3a in real Chromium: one visitor, one id, nothing lost across tabs, clients, a login and subdomains. */

const COOKIE_NAME = 'voucherify_tracking_id';
const ANONYMOUS_COOKIE = 'voucherify_anonymous_id';

let suite: FixtureSuite;

beforeAll(async () => {
	suite = await startFixtureSuite();
});

afterAll(() => suite?.close());

/** `localhost` is a secure context, where Chromium has the Web Locks API; `shop.test` hosts are plain http, without it. */
const pageUrl = (host: string) => `http://${host}:${suite.fixtures.port}/blank.html`;
const clientKeys = () => ({ clientApplicationId: KEYS.clientApplicationId, clientToken: KEYS.clientToken, apiUrl: suite.stack.apiUrl });

type Activity = { type: string };

async function openTabs(context: BrowserContext, host: string, count: number): Promise<Page[]> {
	return Promise.all(
		Array.from({ length: count }, async () => {
			const page = await context.newPage();
			await page.goto(pageUrl(host));
			return page;
		}),
	);
}

/** Each tab creates a client and waits, on a BroadcastChannel, for the same instant to validate. */
async function armTabs(pages: Page[], code: string, domain?: string): Promise<Array<Promise<string>>> {
	await Promise.all(
		pages.map((page) =>
			page.evaluate(
				({ keys, code, domain }) => {
					const scope = window as unknown as { Voucherify: { createClient(options: unknown): { validate(code: string): Promise<unknown>; trackingId?: string } }; __done?: Promise<string> };
					const client = scope.Voucherify.createClient({ ...keys, tracking: domain ? { domain } : {} });
					const start = new BroadcastChannel('start');
					scope.__done = new Promise((resolve, reject) => {
						start.onmessage = () => client.validate(code).then(() => resolve(client.trackingId ?? ''), reject);
					});
				},
				{ keys: clientKeys(), code, domain },
			),
		),
	);
	return pages.map((page) => page.evaluate(() => (window as unknown as { __done: Promise<string> }).__done));
}

const fire = (page: Page) => page.evaluate(() => new BroadcastChannel('start').postMessage('go'));

/** The validate calls the API received since the log was cleared, as their queries. */
const validations = () =>
	suite.stack.requests
		.filter((request) => request.method === 'GET' && request.path.startsWith('/client/v1/validate?'))
		.map((request) => new URL(request.path, suite.stack.apiUrl).searchParams);

const activityOf = async (customer: string) =>
	(await suite.stack.serverApi<{ data: Activity[] }>(`/v1/customers/${encodeURIComponent(customer)}/activity?limit=100`)).body.data.map((entry) => entry.type);

const count = (types: string[], type: string) => types.filter((entry) => entry === type).length;

async function checkout(body: Record<string, unknown>) {
	const { status, body: redemption } = await suite.stack.serverApi<{ customer_id: string }>('/v1/vouchers/SAVE5/redemption', {
		method: 'POST',
		body: { ...body, order: { amount: 4000 } },
	});
	expect(status).toBe(200);
	return redemption.customer_id;
}

describe('many tabs of one storefront on a first visit', () => {
	test.each([2, 5, 10])('%i tabs validating at the same instant: the API issues one id, and one checkout holds every validation', async (tabs) => {
		const context = await suite.browser.newContext();
		const pages = await openTabs(context, 'localhost', tabs);
		const done = await armTabs(pages, 'WELCOME10');
		suite.stack.requests.length = 0;
		await fire(pages[0]!);
		const ids = await Promise.all(done);

		const sent = validations();
		expect(sent).toHaveLength(tabs);
		expect(sent.filter((query) => !query.has('tracking_id'))).toHaveLength(1);
		expect(new Set(ids).size).toBe(1);
		const [trackingId] = ids;
		expect(trackingId).toMatch(/^track_/);
		expect((await context.cookies()).filter((cookie) => cookie.name === COOKIE_NAME).map((cookie) => cookie.value)).toEqual([trackingId]);

		const customerId = await checkout({ tracking_id: trackingId });
		expect(count(await activityOf(customerId), 'customer.validation.succeeded')).toBe(tabs);
		await context.close();
	});
});

describe('several SDK clients on one page', () => {
	test.each([
		['localhost', 'with the Web Locks API'],
		['shop.test', 'on plain http, without the Web Locks API'],
	])('the script tag’s Voucherify.validate and a createClient widget converge on one id (%s, %s)', async (host) => {
		const context = await suite.browser.newContext();
		const [page] = await openTabs(context, host, 1);
		suite.stack.requests.length = 0;
		const ids = await page!.evaluate(async (keys) => {
			type Client = { validate(code: string): Promise<unknown>; trackingId?: string };
			const { Voucherify } = window as unknown as { Voucherify: { initialize(id: string, token: string): void; setBaseUrl(url: string): void; validate(code: string): Promise<unknown>; client: Client; createClient(options: unknown): Client } };
			Voucherify.initialize(keys.clientApplicationId, keys.clientToken);
			Voucherify.setBaseUrl(keys.apiUrl);
			const widget = Voucherify.createClient(keys);
			await Promise.all([Voucherify.validate('WELCOME10'), widget.validate('SAVE5'), Voucherify.createClient(keys).validate('BIGSALE20')]);
			return [Voucherify.client.trackingId, widget.trackingId];
		}, clientKeys());

		expect(validations().filter((query) => !query.has('tracking_id'))).toHaveLength(1);
		expect(ids[0]).toMatch(/^track_/);
		expect(ids[1]).toBe(ids[0]);
		await context.close();
	});
});

describe('a race is not a blocked cookie', () => {
	test('another tab rewrites the cookie during this tab’s first write: the page follows the cookie, with no warning and no localStorage copy', async () => {
		const context = await suite.browser.newContext();
		const [page] = await openTabs(context, 'localhost', 1);
		const warnings: string[] = [];
		page!.on('console', (message) => {
			if (message.type() === 'warning') warnings.push(message.text());
		});
		const otherTabsId = (await (await fetch(`${suite.stack.apiUrl}/client/v1/validate?code=SAVE5`, { headers: { 'X-Client-Application-Id': KEYS.clientApplicationId, 'X-Client-Token': KEYS.clientToken } })).json()) as {
			tracking_id: string;
		};

		const outcome = await page!.evaluate(
			async ({ keys, otherId, cookieName }) => {
				const native = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
				// Forced: the other tab's write lands right after this tab's, before its read-back.
				Object.defineProperty(document, 'cookie', {
					configurable: true,
					get: () => native.get!.call(document),
					set(value: string) {
						native.set!.call(document, value);
						if (value.startsWith(`${cookieName}=track_`) && !value.startsWith(`${cookieName}=${otherId}`)) {
							native.set!.call(document, `${cookieName}=${otherId}; path=/; max-age=3600; samesite=lax`);
						}
					},
				});
				const { Voucherify } = window as unknown as { Voucherify: { createClient(options: unknown): { validate(code: string): Promise<unknown>; trackingId?: string } } };
				const client = Voucherify.createClient(keys);
				await client.validate('WELCOME10');
				const afterFirst = client.trackingId;
				await client.validate('BIGSALE20');
				return { afterFirst, afterSecond: client.trackingId, stored: localStorage.getItem(cookieName) };
			},
			{ keys: clientKeys(), otherId: otherTabsId.tracking_id, cookieName: COOKIE_NAME },
		);

		expect(outcome).toEqual({ afterFirst: otherTabsId.tracking_id, afterSecond: otherTabsId.tracking_id, stored: null });
		expect(validations().at(-1)?.get('tracking_id')).toBe(otherTabsId.tracking_id);
		expect(warnings).toEqual([]);
		await context.close();
	});
});

describe('login mid-session keeps the history', () => {
	test('in the demo: two validations before Set identity and one after, then Place order: one customer holds all of it', async () => {
		const context = await suite.browser.newContext();
		const page = await context.newPage();
		await page.goto(suite.stack.demoUrl);
		await applyCode(page, 'WELCOME10');
		await applyCode(page, 'NO-SUCH-CODE');
		const anonymousId = await page.textContent('#tracking-id');
		expect(anonymousId).toMatch(/^track_/);

		await page.fill('#identity', 'Carol@Example.com');
		await page.click('#identity-form button[type=submit]');
		const hash = createHash('sha256').update('carol@example.com').digest('hex');
		await page.waitForFunction((expected) => document.querySelector('#tracking-id')?.textContent === expected, hash);
		expect(await page.textContent('#anonymous-id')).toBe(anonymousId);
		expect((await context.cookies()).find((cookie) => cookie.name === ANONYMOUS_COOKIE)?.value).toBe(anonymousId);
		await applyCode(page, 'BIGSALE20');

		await page.fill('#checkout-form input[name=name]', 'Carol');
		await page.click('#checkout-form button[type=submit]');
		await page.waitForSelector('#customer:not([hidden])');

		expect(await page.textContent('#customer-source-id')).toBe(hash);
		const types = await activityOf(hash);
		expect(count(types, 'customer.validation.succeeded')).toBe(2);
		expect(count(types, 'customer.validation.failed')).toBe(1);
		expect(count(types, 'customer.redemption.succeeded')).toBe(1);
		await context.close();
	});
});

describe('domain rollout on real subdomains', () => {
	test('turning on tracking.domain for a returning visitor keeps one id on www. and checkout., and checkout holds every validation', async () => {
		const context = await suite.browser.newContext();
		const [before] = await openTabs(context, 'www.shop.test', 1);
		const validateIn = (page: Page, code: string, domain?: string) =>
			page.evaluate(
				async ({ keys, code, domain }) => {
					const { Voucherify } = window as unknown as { Voucherify: { createClient(options: unknown): { validate(code: string): Promise<unknown>; trackingId?: string } } };
					const client = Voucherify.createClient({ ...keys, tracking: domain ? { domain } : {} });
					await client.validate(code);
					return client.trackingId ?? '';
				},
				{ keys: clientKeys(), code, domain },
			);
		// Before the rollout: a host-only cookie on www.
		const returningId = await validateIn(before!, 'WELCOME10');
		expect((await context.cookies()).filter((cookie) => cookie.name === COOKIE_NAME).map((cookie) => cookie.domain)).toEqual(['www.shop.test']);

		const [www, checkoutPage] = [await context.newPage(), await context.newPage()];
		await www.goto(pageUrl('www.shop.test'));
		expect(await validateIn(www, 'SAVE5', '.shop.test')).toBe(returningId);
		await checkoutPage.goto(pageUrl('checkout.shop.test'));
		expect(await validateIn(checkoutPage, 'BIGSALE20', '.shop.test')).toBe(returningId);
		expect(await validateIn(www, 'GIFT50', '.shop.test')).toBe(returningId);

		const copies = (await context.cookies()).filter((cookie) => cookie.name === COOKIE_NAME);
		expect(copies.map((cookie) => [cookie.domain, cookie.value])).toEqual([['.shop.test', returningId]]);
		const customerId = await checkout({ tracking_id: returningId });
		expect(count(await activityOf(customerId), 'customer.validation.succeeded')).toBe(4);
		await context.close();
	});
});

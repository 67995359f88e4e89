import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ENGINES, useEngine, type EngineContext, type EnginePage } from './support/engines/index.js';
import { activityOf, armValidation, fireAndCollect, clientKeys, closeFixtureStack, COOKIE_NAME, count, type Fixtures, startFixtureStack, validations } from './support/journeys.js';
import { KEYS, type Stack } from './support/stack.js';

/** CONTRACT §3a in Chromium, Firefox ESR and WebKitGTK: one visitor, one id, nothing lost across windows, clients and subdomains. */

let stack: Stack;
let fixtures: Fixtures;

beforeAll(async () => ({ stack, fixtures } = await startFixtureStack()));
afterAll(() => closeFixtureStack({ stack, fixtures }));

/** `localhost` is a secure context, where every engine has the Web Locks API; `shop.test` hosts are plain http, without it. */
const pageUrl = (host: string) => `http://${host}:${fixtures.port}/blank.html`;

async function openWindows(context: EngineContext, host: string, count: number): Promise<EnginePage[]> {
	const pages: EnginePage[] = [];
	for (let index = 0; index < count; index += 1) {
		const page = await context.newPage();
		await page.goto(pageUrl(host));
		pages.push(page);
	}
	return pages;
}

const trackingCookies = async (page: EnginePage) => (await page.cookies()).filter((cookie) => cookie.name === COOKIE_NAME);

async function checkout(body: Record<string, unknown>) {
	const { status, body: redemption } = await stack.serverApi<{ customer_id: string }>('/v1/vouchers/SAVE5/redemption', {
		method: 'POST',
		body: { ...body, order: { amount: 4000 } },
	});
	expect(status).toBe(200);
	return redemption.customer_id;
}

const validateIn = (page: EnginePage, code: string, domain?: string) =>
	page.evaluate(
		async ({ keys, code, domain }) => {
			const { Voucherify } = window as unknown as { Voucherify: { createClient(options: unknown): { validate(code: string): Promise<unknown>; trackingId?: string } } };
			const client = Voucherify.createClient({ ...keys, tracking: domain ? { domain } : {} });
			await client.validate(code);
			return client.trackingId ?? '';
		},
		{ keys: clientKeys(stack), code, domain },
	);

describe.each(ENGINES)('%s: continuity of the tracking id', (engine) => {
	const run = useEngine(engine, 'continuity');

	test.each([5, 10])('%i windows validating at the same instant: the API issues one id, and one checkout holds every validation', async (windows) => {
		const context = await run.browser().newContext();
		const pages = await openWindows(context, 'localhost', windows);
		for (const page of pages) {
			await armValidation(page, stack);
		}
		stack.requests.length = 0;
		const ids = await fireAndCollect(pages);

		const sent = validations(stack);
		expect(sent).toHaveLength(windows);
		expect(sent.filter((query) => !query.has('tracking_id'))).toHaveLength(1);
		expect(new Set(ids).size).toBe(1);
		const [trackingId] = ids;
		expect(trackingId).toMatch(/^track_/);
		expect((await trackingCookies(pages[0]!)).map((cookie) => cookie.value)).toEqual([trackingId]);
		const customerId = await checkout({ tracking_id: trackingId });
		expect(count(await activityOf(stack, customerId), 'customer.validation.succeeded')).toBe(windows);
		await context.close();
	});

	test.each([
		['localhost', 'with the Web Locks API'],
		['shop.test', 'on plain http, without the Web Locks API'],
	])('the script tag’s Voucherify.validate and a createClient widget converge on one id (%s, %s)', async (host) => {
		const context = await run.browser().newContext();
		const [page] = await openWindows(context, host, 1);
		stack.requests.length = 0;
		const ids = await page!.evaluate(async (keys) => {
			type Client = { validate(code: string): Promise<unknown>; trackingId?: string };
			const { Voucherify } = window as unknown as { Voucherify: { initialize(id: string, token: string): void; setBaseUrl(url: string): void; validate(code: string): Promise<unknown>; client: Client; createClient(options: unknown): Client } };
			Voucherify.initialize(keys.clientApplicationId, keys.clientToken);
			Voucherify.setBaseUrl(keys.apiUrl);
			const widget = Voucherify.createClient(keys);
			await Promise.all([Voucherify.validate('WELCOME10'), widget.validate('SAVE5'), Voucherify.createClient(keys).validate('BIGSALE20')]);
			return [Voucherify.client.trackingId, widget.trackingId];
		}, clientKeys(stack));

		expect(validations(stack).filter((query) => !query.has('tracking_id'))).toHaveLength(1);
		expect(ids[0]).toMatch(/^track_/);
		expect(ids[1]).toBe(ids[0]);
		await context.close();
	});

	test('another window rewrites the cookie during this one’s first write: the page follows the cookie, with no warning and no localStorage copy', async () => {
		const context = await run.browser().newContext();
		const [page] = await openWindows(context, 'localhost', 1);
		const other = (await (await fetch(`${stack.apiUrl}/client/v1/validate?code=SAVE5`, { headers: { 'X-Client-Application-Id': KEYS.clientApplicationId, 'X-Client-Token': KEYS.clientToken } })).json()) as {
			tracking_id: string;
		};

		const outcome = await page!.evaluate(
			async ({ keys, otherId, cookieName }) => {
				const warnings: string[] = [];
				const warn = console.warn;
				console.warn = (...args: unknown[]) => {
					warnings.push(args.map(String).join(' '));
					warn.apply(console, args);
				};
				const native = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
				// Forced: the other window's write lands right after this one's, before its read-back.
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
				return { afterFirst, afterSecond: client.trackingId, stored: localStorage.getItem(cookieName), warnings };
			},
			{ keys: clientKeys(stack), otherId: other.tracking_id, cookieName: COOKIE_NAME },
		);

		expect(outcome).toEqual({ afterFirst: other.tracking_id, afterSecond: other.tracking_id, stored: null, warnings: [] });
		expect(validations(stack).at(-1)?.get('tracking_id')).toBe(other.tracking_id);
		await context.close();
	});

	test('www.shop.test and checkout.shop.test share one tracking id when tracking.domain is .shop.test; without it the cookie stays on its host', async () => {
		const context = await run.browser().newContext();
		const [www, checkoutPage] = await openWindows(context, 'www.shop.test', 2);
		const trackingId = await validateIn(www!, 'WELCOME10', '.shop.test');
		expect(trackingId).toMatch(/^track_/);
		await checkoutPage!.goto(pageUrl('checkout.shop.test'));
		expect(await checkoutPage!.evaluate((keys) => (window as unknown as { Voucherify: { createClient(options: unknown): { trackingId?: string } } }).Voucherify.createClient({ ...keys, tracking: { domain: '.shop.test' } }).trackingId, clientKeys(stack))).toBe(trackingId);
		await context.close();

		const hostOnly = await run.browser().newContext();
		const [first, second] = await openWindows(hostOnly, 'www.shop.test', 2);
		await validateIn(first!, 'WELCOME10');
		await second!.goto(pageUrl('checkout.shop.test'));
		expect(await second!.evaluate((keys) => (window as unknown as { Voucherify: { createClient(options: unknown): { trackingId?: string } } }).Voucherify.createClient(keys).trackingId, clientKeys(stack))).toBeUndefined();
		await hostOnly.close();
	});

	test('turning on tracking.domain for a returning visitor keeps one id on www. and checkout., and checkout holds every validation', async () => {
		const context = await run.browser().newContext();
		const [before] = await openWindows(context, 'www.shop.test', 1);
		// Before the rollout: a host-only cookie on www.
		const returningId = await validateIn(before!, 'WELCOME10');
		expect((await trackingCookies(before!)).map((cookie) => cookie.domain.replace(/^\./, ''))).toEqual(['www.shop.test']);

		const [www, checkoutPage] = await openWindows(context, 'www.shop.test', 2);
		expect(await validateIn(www!, 'SAVE5', '.shop.test')).toBe(returningId);
		await checkoutPage!.goto(pageUrl('checkout.shop.test'));
		expect(await validateIn(checkoutPage!, 'BIGSALE20', '.shop.test')).toBe(returningId);
		expect(await validateIn(www!, 'GIFT50', '.shop.test')).toBe(returningId);

		// Seen from www., where a leftover host-only copy would show beside the domain cookie.
		expect((await trackingCookies(www!)).map((cookie) => [cookie.domain.replace(/^\./, ''), cookie.value])).toEqual([['shop.test', returningId]]);
		const customerId = await checkout({ tracking_id: returningId });
		expect(count(await activityOf(stack, customerId), 'customer.validation.succeeded')).toBe(4);
		await context.close();
	});
});

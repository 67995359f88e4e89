import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ENGINES, textContent, useEngine, type EngineContext, type EnginePage } from './support/engines/index.js';
import { activityOf, addScriptTag, ANONYMOUS_COOKIE, applyCode, armValidation, fireAndCollect, clientKeys, closeFixtureStack, COOKIE_NAME, count, type Fixtures, startFixtureStack, validations } from './support/journeys.js';
import { type Stack } from './support/stack.js';

/** CONTRACT §3a in Chromium, Firefox ESR and WebKitGTK: one visitor, one id, and the raw identity never sent. */

let stack: Stack;
let fixtures: Fixtures;

beforeAll(async () => ({ stack, fixtures } = await startFixtureStack()));
afterAll(() => closeFixtureStack({ stack, fixtures }));

const pageUrl = (host: string, path = '/blank.html') => `http://${host}:${fixtures.port}${path}`;
const trackingIdIn = (page: EnginePage) => page.evaluate(() => (window as unknown as { Voucherify: { client: { trackingId?: string } } }).Voucherify.client.trackingId);
const trackingCookies = async (page: EnginePage) => (await page.cookies()).filter((cookie) => cookie.name === COOKIE_NAME);

/** Two windows of one first visit validate at the same instant (a BroadcastChannel message); answers each window's id. */
async function raceTwoWindows(context: EngineContext, { hideLocks }: { hideLocks: boolean }) {
	const pages = [await context.newPage(), await context.newPage()];
	for (const page of pages) {
		await page.goto(pageUrl('localhost', '/empty.html'));
		if (hideLocks) {
			await page.evaluate(() => {
				Object.defineProperty(Navigator.prototype, 'locks', { configurable: true, get: () => undefined });
			});
		}
		await addScriptTag(page, '/voucherify.min.js');
		await armValidation(page, stack);
	}
	const locks = await pages[0]!.evaluate(() => typeof navigator.locks);
	stack.requests.length = 0;
	const ids = await fireAndCollect(pages);
	const sent = validations(stack);
	return { locks, ids, idsIssued: sent.filter((query) => !query.has('tracking_id')).length, sent: sent.length, cookies: await trackingCookies(pages[0]!) };
}

describe.each(ENGINES)('%s: one visitor, one tracking id', (engine) => {
	const run = useEngine(engine, 'tracking-journeys');

	test('validate stores the id in a first-party Lax cookie for a year; a reload keeps it, and the next call carries it', async () => {
		const context = await run.browser().newContext();
		const page = await context.newPage();
		await page.goto(stack.demoUrl);
		expect(await applyCode(page, 'WELCOME10')).toBe('Code WELCOME10 applied');
		const trackingId = await textContent(page, '#tracking-id');
		expect(trackingId).toMatch(/^track_/);
		const [cookie, ...others] = await trackingCookies(page);
		expect(others).toEqual([]);
		expect(cookie).toMatchObject({ value: trackingId, domain: 'localhost', path: '/', sameSite: 'Lax', httpOnly: false, secure: false });
		expect(Math.abs(cookie!.expires - (Date.now() / 1000 + 365 * 86_400))).toBeLessThan(3600);

		await page.reload();
		expect(await trackingIdIn(page)).toBe(trackingId);
		stack.requests.length = 0;
		await applyCode(page, 'SAVE5');
		expect(validations(stack).map((query) => query.get('tracking_id'))).toEqual([trackingId]);
		await context.close();
	});

	test.each([
		['shop.test', 'plain http, no crypto.subtle'],
		['localhost', 'a secure context'],
	])('setIdentity sends only the SHA-256 of the identifier, in no URL, header or body (%s, %s)', async (host) => {
		const context = await run.browser().newContext();
		const page = await context.newPage();
		await page.goto(pageUrl(host));
		expect(await page.evaluate(() => window.isSecureContext)).toBe(host === 'localhost');
		const email = 'Alice.Morgan@Example.com';
		const expected = createHash('sha256').update(email.toLowerCase()).digest('hex');
		stack.requests.length = 0;
		const hash = await page.evaluate(
			async ({ email, keys }) => {
				type Client = { setIdentity(id: string): string; validate(code: string): Promise<unknown>; validateStackable(params: unknown): Promise<unknown> };
				const client = (window as unknown as { Voucherify: { createClient(options: unknown): Client } }).Voucherify.createClient(keys);
				const value = client.setIdentity(email);
				await client.validate('WELCOME10');
				await client.validateStackable({ redeemables: [{ object: 'voucher', id: 'WELCOME10' }], order: { amount: 5000 } });
				return value;
			},
			{ email, keys: clientKeys(stack) },
		);

		expect(hash).toBe(expected);
		const posts = stack.requests.filter((request) => request.method === 'POST');
		expect(posts.length).toBeGreaterThan(0);
		expect(posts.every((request) => request.body.length > 0)).toBe(true);
		const everything = stack.requests.map((request) => [decodeURIComponent(request.path), JSON.stringify(request.headers), request.body].join('\n')).join('\n');
		expect(everything).toContain(expected);
		expect(everything.toLowerCase()).not.toContain('alice');
		expect(everything.toLowerCase()).not.toContain('example.com');
		await context.close();
	});

	test('in the demo, two validations before Set identity and one after, then Place order: one customer holds all of it', async () => {
		const context = await run.browser().newContext();
		const page = await context.newPage();
		await page.goto(stack.demoUrl);
		await applyCode(page, 'WELCOME10');
		await applyCode(page, 'NO-SUCH-CODE');
		const anonymousId = await textContent(page, '#tracking-id');
		expect(anonymousId).toMatch(/^track_/);

		// One shopper per engine: the engines share this file's mock, so each must own its customer.
		await page.fill('#identity', `Carol.${engine}@Example.com`);
		await page.click('#identity-form button[type=submit]');
		const hash = createHash('sha256').update(`carol.${engine}@example.com`).digest('hex');
		await page.waitForFunction((expected) => document.querySelector('#tracking-id')?.textContent === expected, hash);
		expect(await textContent(page, '#anonymous-id')).toBe(anonymousId);
		expect((await page.cookies()).find((cookie) => cookie.name === ANONYMOUS_COOKIE)?.value).toBe(anonymousId);
		await applyCode(page, 'BIGSALE20');

		await page.fill('#checkout-form input[name=name]', 'Carol');
		await page.click('#checkout-form button[type=submit]');
		await page.waitForFunction(() => document.querySelector('#customer')?.hasAttribute('hidden') === false);

		expect(await textContent(page, '#customer-source-id')).toBe(hash);
		const types = await activityOf(stack, hash);
		expect(count(types, 'customer.validation.succeeded')).toBe(2);
		expect(count(types, 'customer.validation.failed')).toBe(1);
		expect(count(types, 'customer.redemption.succeeded')).toBe(1);
		await context.close();
	});

	test('two windows of one first visit validating at the same instant get one id (Web Locks), in each of 3 races', async () => {
		for (let race = 1; race <= 3; race += 1) {
			const context = await run.browser().newContext();
			const outcome = await raceTwoWindows(context, { hideLocks: false });
			await context.close();
			expect(outcome.locks).toBe('object');
			expect(outcome.sent).toBe(2);
			expect({ race, idsIssued: outcome.idsIssued, distinctIds: new Set(outcome.ids).size }).toEqual({ race, idsIssued: 1, distinctIds: 1 });
			expect(outcome.ids[0]).toMatch(/^track_/);
			expect(outcome.cookies.map((cookie) => cookie.value)).toEqual([outcome.ids[0]]);
		}
	});

	test('control: with navigator.locks hidden, the same race issues two ids in at least one of 8 races', async () => {
		const races: number[] = [];
		for (let race = 1; race <= 8 && !races.includes(2); race += 1) {
			const context = await run.browser().newContext();
			const outcome = await raceTwoWindows(context, { hideLocks: true });
			await context.close();
			expect(outcome.locks).toBe('undefined');
			expect(outcome.sent).toBe(2);
			races.push(outcome.idsIssued);
		}
		expect(races).toContain(2);
	});
});

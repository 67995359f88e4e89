import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createClient } from '../../src/index.js';
import { CLIENT_CALLS } from '../../src/client/client-calls.js';
import { createClientWith } from '../../src/client/create-client.js';
import type { ClientOptions } from '../../src/client/options.js';
import { OUTBOX, type OutboxEntry } from '../../src/client/outbox.js';
import { hashIdentity } from '../../src/shared/identity.js';

/** The outbox: delivery calls noted in sessionStorage as they are made, sent once, by this page or the next one of the tab. */

const ANONYMOUS = 'track_QW5vbnltb3VzVmlzaXRvcg==';
const EMAIL = 'alice@shop.example';

type Sent = { url: string; init: RequestInit; body: Record<string, unknown> };
let sent: Sent[];

const fakeFetch = (async (url: string, init: RequestInit) => {
	const body = JSON.parse(String(init.body)) as Record<string, unknown>;
	sent.push({ url, init, body });
	return new Response(JSON.stringify({ object: 'event', tracking_id: ANONYMOUS }), { status: 200, headers: { 'Content-Type': 'application/json' } });
}) as unknown as typeof fetch;

const options = (extra: Partial<ClientOptions> = {}): ClientOptions => ({
	clientApplicationId: 'app-id',
	clientToken: 'token',
	apiUrl: 'https://api.voucherify.test',
	retry: 0,
	trackingId: ANONYMOUS,
	fetch: fakeFetch,
	...extra,
});

/** A page whose calls never start: the script tag's companion file never arrives before the page goes. */
const pageThatGoes = (extra: Partial<ClientOptions> = {}) =>
	createClientWith({ ...CLIENT_CALLS, deliver: () => new Promise<never>(() => undefined) }, options(extra));

const stored = (): OutboxEntry[] => JSON.parse(sessionStorage.getItem(OUTBOX) ?? '[]') as OutboxEntry[];

/** The next page of the tab: another document, so another `performance.timeOrigin`. */
const nextPage = () => vi.spyOn(performance, 'timeOrigin', 'get').mockReturnValue(performance.timeOrigin + 1000);

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
	sent = [];
	sessionStorage.clear();
	document.cookie.split(';').forEach((cookie) => (document.cookie = `${cookie.split('=')[0]!.trim()}=; Max-Age=0; Path=/`));
	localStorage.clear();
});

afterEach(() => {
	vi.restoreAllMocks();
});

describe('the outbox', () => {
	test('notes a track() synchronously, and takes it out as its keepalive request starts', async () => {
		const client = createClient(options());
		const done = client.track('checkout_started', { metadata: { step: 1 } });

		expect(stored().map((entry) => [entry.n, entry.a[0], entry.t])).toEqual([['track', 'checkout_started', ANONYMOUS]]);
		await done;
		expect(sent).toHaveLength(1);
		expect(sent[0]!.init.keepalive).toBe(true);
		expect(sessionStorage.getItem(OUTBOX)).toBeNull();
	});

	test('the next page sends what the last one could not, in order, each with the tracking id in force when it was made', async () => {
		const page = pageThatGoes();
		void page.track('added_to_cart');
		void page.publish('WELCOME');
		page.setIdentity(EMAIL);
		void page.track('checkout_started', { metadata: { total: 100 } });
		expect(stored()).toHaveLength(3);

		nextPage();
		createClient(options());
		await settle();

		expect(sent.map(({ url, body }) => [new URL(url).pathname, body.event ?? null, (body.customer as { source_id?: string }).source_id])).toEqual([
			['/client/v1/events', 'added_to_cart', ANONYMOUS],
			['/client/v1/publish', null, ANONYMOUS],
			['/client/v1/events', 'checkout_started', hashIdentity(EMAIL)],
		]);
		expect(sent[2]!.body.metadata).toEqual({ total: 100 });
		expect(sessionStorage.getItem(OUTBOX)).toBeNull();
	});

	test('nothing is sent twice: a third page, or a second client of the page that drained, sends nothing', async () => {
		const page = pageThatGoes();
		void page.track('added_to_cart');

		nextPage();
		createClient(options());
		createClient(options());
		await settle();
		createClient(options());
		await settle();

		expect(sent.map(({ body }) => body.event)).toEqual(['added_to_cart']);
	});

	test('a page that comes back (the back-forward cache) does not send again what the next page sent', async () => {
		let companionArrives = () => undefined as void;
		const arrival = new Promise<void>((resolve) => (companionArrives = resolve));
		const page = createClientWith({ ...CLIENT_CALLS, deliver: (...args) => arrival.then(() => CLIENT_CALLS.deliver(...args)) }, options());
		const result = page.track('added_to_cart');

		const restore = nextPage();
		createClient(options());
		await settle();
		restore.mockRestore();
		companionArrives();

		await expect(result).rejects.toMatchObject({ name: 'VoucherifyError', message: expect.stringContaining('already sent') });
		expect(sent.map(({ body }) => body.event)).toEqual(['added_to_cart']);
	});

	test('a live page’s calls are its own: a client created later on the same page leaves them alone', async () => {
		void pageThatGoes().track('added_to_cart');
		createClient(options());
		await settle();

		expect(sent).toEqual([]);
		expect(stored()).toHaveLength(1);
	});

	test('only the project and API a call was made for send it', async () => {
		void pageThatGoes().track('added_to_cart');

		nextPage();
		createClient(options({ clientApplicationId: 'another-app' }));
		createClient(options({ apiUrl: 'https://us1.api.voucherify.test' }));
		await settle();
		expect(sent).toEqual([]);

		createClient(options());
		await settle();
		expect(sent.map(({ body }) => body.event)).toEqual(['added_to_cart']);
	});

	test('a call whose tracking id storage was tampered with is dropped, never sent', async () => {
		void pageThatGoes().track('added_to_cart');
		sessionStorage.setItem(OUTBOX, JSON.stringify(stored().map((entry) => ({ ...entry, t: 'not an id' }))));

		nextPage();
		createClient(options());
		await settle();
		expect(sent).toEqual([]);
	});

	test('under pending consent the call is not written to storage (it is still sent by the page)', async () => {
		const client = createClient(options({ tracking: { consent: 'pending' } }));
		const done = client.track('checkout_started');

		expect(sessionStorage.getItem(OUTBOX)).toBeNull();
		await done;
		expect(sent).toHaveLength(1);
	});

	test('a full storage (QuotaExceededError) neither loses the call being made nor throws on the page', async () => {
		// Filled to the last character, so the outbox has no room at all.
		let filled = 0;
		for (const size of [500_000, 10_000, 100, 1]) {
			try {
				for (;;) sessionStorage.setItem(`filler${filled++}`, 'x'.repeat(size));
			} catch (error) {
				expect((error as DOMException).name).toBe('QuotaExceededError');
			}
		}
		expect(() => (sessionStorage[OUTBOX] = '[]')).toThrow(expect.objectContaining({ name: 'QuotaExceededError' }));
		const client = createClient(options());

		await expect(client.track('checkout_started')).resolves.toMatchObject({ object: 'event' });
		expect(sent.map(({ body }) => body.event)).toEqual(['checkout_started']);
		expect(sessionStorage.getItem(OUTBOX)).toBeNull();
	});

	test('a blocked storage (SecurityError) neither loses the call being made nor throws on the page', async () => {
		vi.spyOn(window, 'sessionStorage', 'get').mockImplementation(() => {
			throw new DOMException('The operation is insecure.', 'SecurityError');
		});
		const client = createClient(options());

		await expect(client.track('checkout_started')).resolves.toMatchObject({ object: 'event' });
		expect(sent.map(({ body }) => body.event)).toEqual(['checkout_started']);
	});
});

describe('keepalive', () => {
	test('track, publish, redeem and redeemStackable go with keepalive; validations do not', async () => {
		const client = createClient(options());
		await client.track('a');
		await client.publish('WELCOME');
		await client.redeem('CODE').catch(() => undefined);
		await client.redeemStackable({ redeemables: [{ object: 'voucher', id: 'CODE' }] }).catch(() => undefined);
		await client.validateStackable({ redeemables: [{ object: 'voucher', id: 'CODE' }] }).catch(() => undefined);

		expect(sent.map(({ url, init }) => [new URL(url).pathname, init.keepalive])).toEqual([
			['/client/v1/events', true],
			['/client/v1/publish', true],
			['/client/v1/redeem', true],
			['/client/v1/redemptions', true],
			['/client/v1/validations', false],
		]);
	});

	test('a body over 64 KiB goes as a normal request (a keepalive fetch would refuse it)', async () => {
		const client = createClient(options());
		// 2-byte UTF-8 characters: 33,000 of them are 66,000 bytes though only 33,000 string units.
		await client.track('big', { metadata: { note: 'é'.repeat(33_000) } });
		await client.track('small', { metadata: { note: 'é'.repeat(32_000) } });

		expect(sent.map(({ init }) => init.keepalive)).toEqual([false, true]);
	});
});

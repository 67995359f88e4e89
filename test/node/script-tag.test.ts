// @vitest-environment jsdom
// The jsdom environment gives the test an XMLHttpRequest that msw intercepts, which the pages borrow (lendNodeHttp).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM, VirtualConsole, type DOMWindow } from 'jsdom';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import packageJson from '../../package.json';
import type { createClient, hashIdentity, isApiError, isInvalidInputError, isVoucherifyError } from '../../src/index.js';
import { createMockApi, MOCK_DEFAULTS } from '../../src/mock/index.js';
import type { createLegacyInstance } from '../../src/script-tag/legacy-instance.js';
import type { createRender } from '../../src/script-tag/widget-loader.js';

/**
The script-tag build as a storefront loads it: the BUILT, minified `dist/voucherify.min.js` (as js-cookie tests its
dist), run inside a jsdom page as an inline `<script data-*>` so `document.currentScript` is set, talking to the mock
API through msw. Only types come from `src/`; every value under test comes from the bundle.
*/

const BUNDLE_PATH = resolve('dist/voucherify.min.js');
const WIDGET_PATH = resolve('dist/voucherify-widget.min.js');
const CALLS_PATH = resolve('dist/voucherify-calls.min.js');
const PAGE_URL = 'https://shop.example/';
const MOCK_URL = 'https://api.voucherify.test';
const APP_ID = MOCK_DEFAULTS.clientApplicationId;
const TOKEN = MOCK_DEFAULTS.clientToken;
const KEY_ATTRIBUTES = { 'data-client-application-id': APP_ID, 'data-client-token': TOKEN, 'data-api-url': MOCK_URL };
const EMAIL = 'alice@shop.example';
const EMAIL_HASH = createHash('sha256').update(EMAIL, 'utf8').digest('hex');
const TRACKING_ID = /^track_[A-Za-z0-9+/]+={0,2}$/;

/** `window.Voucherify` as the bundle defines it. */
type LegacyGlobal = ReturnType<typeof createLegacyInstance> & {
	version: string;
	createClient: typeof createClient;
	hashIdentity: typeof hashIdentity;
	isApiError: typeof isApiError;
	isInvalidInputError: typeof isInvalidInputError;
	isVoucherifyError: typeof isVoucherifyError;
	noConflict(): LegacyGlobal;
	render: ReturnType<typeof createRender>;
};
/** What voucherify.js callbacks receive: the answer, or `{ type: 'error', message, context }`. */
type CallbackResult = Record<string, unknown>;
type PageWindow = DOMWindow & { Voucherify?: unknown; results?: CallbackResult[] };

type RecordedRequest = { method: string; url: URL; headers: Headers; body: Promise<string> };

const api = createMockApi({ baseUrl: MOCK_URL, allowedOrigins: ['shop.example'] });
const server = setupServer(...api.handlers);
const requests: RecordedRequest[] = [];
server.events.on('request:start', ({ request }) => {
	requests.push({ method: request.method, url: new URL(request.url), headers: new Headers(request.headers), body: request.clone().text() });
});

let bundle = '';
let widgetBundle = '';
let callsBundle = '';
beforeAll(() => {
	if (!existsSync(BUNDLE_PATH)) throw new Error('dist/voucherify.min.js is missing: run `npx rollup -c` first (`npm test` builds before vitest runs)');
	bundle = readFileSync(BUNDLE_PATH, 'utf8');
	widgetBundle = readFileSync(WIDGET_PATH, 'utf8');
	callsBundle = readFileSync(CALLS_PATH, 'utf8');
	server.listen({ onUnhandledRequest: 'error' });
});
beforeEach(() => {
	api.reset();
	requests.length = 0;
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Page = {
	window: PageWindow;
	/** Uncaught errors in the page's scripts. */
	errors: Error[];
	/** `console.error` and `console.warn` calls of the page, as text. */
	console: string[];
	readonly Voucherify: LegacyGlobal;
};

/**
The page's own XMLHttpRequest is out of msw's sight, and jsdom has no `fetch`: the page borrows the test's
XMLHttpRequest (this file runs in vitest's jsdom environment, whose XHR msw intercepts) and Node's `fetch`, both
looked up at call time so msw's interception applies. Node's `fetch`
accepts only its own `AbortSignal`, hence Node's `AbortController` too.
*/
function lendNodeHttp(window: PageWindow): void {
	Object.defineProperty(window, 'XMLHttpRequest', { get: () => globalThis.XMLHttpRequest, configurable: true });
	Object.assign(window, {
		fetch: (...args: Parameters<typeof fetch>) => globalThis.fetch(...args),
		AbortController,
		AbortSignal,
	});
}

function runInlineScript(window: PageWindow, source: string, attributes: Record<string, string> = {}): void {
	const script = window.document.createElement('script');
	for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
	script.textContent = source;
	window.document.head.append(script);
}

/**
A fresh page on https://shop.example/: optional storefront code first, then the companion file with every call but
`validate` (jsdom loads no `<script src>`; a page may include it itself), then the bundle as `<script data-*>`.
*/
function openPage({ attributes = KEY_ATTRIBUTES, before, withCalls = true }: { attributes?: Record<string, string>; before?: string; withCalls?: boolean } = {}): Page {
	const errors: Error[] = [];
	const logged: string[] = [];
	const virtualConsole = new VirtualConsole();
	virtualConsole.on('jsdomError', (error) => errors.push(error));
	virtualConsole.on('error', (...args) => logged.push(`error: ${args.map(String).join(' ')}`));
	virtualConsole.on('warn', (...args) => logged.push(`warn: ${args.map(String).join(' ')}`));
	const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: PAGE_URL, runScripts: 'dangerously', virtualConsole });
	const page = window as PageWindow;
	lendNodeHttp(page);
	if (before) runInlineScript(page, before);
	if (withCalls) runInlineScript(page, callsBundle);
	runInlineScript(page, bundle, attributes);
	return {
		window: page,
		errors,
		console: logged,
		get Voucherify() {
			return page.Voucherify as LegacyGlobal;
		},
	};
}

/** Runs a callback-style call; checks it returns nothing, as voucherify.js's did, and resolves with what the callback got. */
function viaCallback(start: (callback: (result: CallbackResult) => void) => unknown): Promise<CallbackResult> {
	return new Promise((resolve) => {
		const returned = start(resolve);
		expect(returned).toBeUndefined();
	});
}

const jsonOf = async (request: RecordedRequest | undefined) => JSON.parse(await (request?.body ?? Promise.reject(new Error('no such request')))) as unknown;
/** What a validation sent: `validate(code)` is `POST /client/v1/validations` with one voucher in a JSON body. */
type ValidationBody = {
	redeemables: Array<{ object: string; id: string }>;
	order?: { amount?: number; items?: Array<Record<string, unknown>> };
	customer?: Record<string, unknown>;
	tracking_id?: string;
};
const validationOf = async (request: RecordedRequest | undefined) => {
	expect(`${request?.method} ${request?.url.pathname}`).toBe('POST /client/v1/validations');
	return (await jsonOf(request)) as ValidationBody;
};
const isPromise = (value: unknown) => Object.prototype.toString.call(value) === '[object Promise]';

/** A page whose default instance has learned a `track_…` id from one validate; the request log is emptied. */
async function knownVisitorPage(): Promise<{ page: Page; trackingId: string }> {
	const page = openPage();
	const answer = await viaCallback((done) => page.Voucherify.validate('WELCOME10', done));
	const trackingId = answer.tracking_id;
	if (typeof trackingId !== 'string') throw new Error('the mock answered no tracking id');
	requests.length = 0;
	return { page, trackingId };
}

describe('loading the bundle', () => {
	test('bundles its own fetch transport and compact SHA-256, neither ky nor js-sha256', () => {
		expect(bundle).not.toContain('option cannot be greater than');
		expect(bundle).not.toContain('sha224');
		expect(bundle).toContain('X-Voucherify-Channel');
	});

	test('defines window.Voucherify with createClient, version, the guards, hashIdentity and noConflict, without errors', () => {
		const page = openPage();

		expect(page.errors).toEqual([]);
		expect(page.console).toEqual([]);
		expect(page.Voucherify.version).toBe(packageJson.version);
		for (const name of ['createClient', 'hashIdentity', 'isVoucherifyError', 'isApiError', 'isInvalidInputError', 'noConflict'] as const) {
			expect(typeof page.Voucherify[name]).toBe('function');
		}
	});

	test('keeps the legacy voucherify.js methods on the default instance', () => {
		const { Voucherify } = openPage();

		for (const name of ['initialize', 'setBaseUrl', 'setIdentity', 'validate', 'redeem', 'publish', 'track', 'listVouchers'] as const) {
			expect(typeof Voucherify[name]).toBe('function');
		}
		expect(typeof Voucherify.utils.calculatePrice).toBe('function');
		expect(typeof Voucherify.utils.calculateDiscount).toBe('function');
	});

	test('sends nothing while it loads', () => {
		openPage();

		expect(requests).toEqual([]);
	});

	test('configures the default instance from data-client-application-id, data-client-token and data-api-url', async () => {
		const { Voucherify } = openPage();
		expect(Voucherify.client).toBeDefined();
		await viaCallback((done) => Voucherify.validate('WELCOME10', done));

		expect(requests).toHaveLength(1);
		expect(requests[0]?.url.href).toBe(`${MOCK_URL}/client/v1/validations`);
		expect((await validationOf(requests[0])).redeemables).toEqual([{ object: 'voucher', id: 'WELCOME10' }]);
		expect(requests[0]?.headers.get('X-Client-Application-Id')).toBe(APP_ID);
		expect(requests[0]?.headers.get('X-Client-Token')).toBe(TOKEN);
		expect(requests[0]?.headers.get('X-Voucherify-Channel')).toBe(`voucherify-browser/${packageJson.version}`);
	});

	test('reports invalid data-* attributes with one [voucherify] console error and still defines the global', () => {
		const page = openPage({ attributes: { ...KEY_ATTRIBUTES, 'data-api-url': 'not a url' } });

		expect(page.errors).toEqual([]);
		expect(page.console).toHaveLength(1);
		expect(page.console[0]).toMatch(/^error: \[voucherify\] Invalid data-\* attributes on the script tag: .*`apiUrl`/);
		expect(typeof page.Voucherify.validate).toBe('function');
	});

	test('replays calls queued on a pre-load array stub, in order, with their callbacks', async () => {
		const page = openPage({
			before: `
				window.results = [];
				window.Voucherify = window.Voucherify || [];
				Voucherify.push(['validate', 'WELCOME10', function (response) { window.results.push(response); }]);
				Voucherify.push(['validate', { code: 'SAVE5', amount: 20000 }, function (response) { window.results.push(response); }]);
			`,
		});

		await vi.waitFor(() => expect(page.window.results).toHaveLength(2));
		expect(page.window.results?.map((result) => [result.valid, result.code])).toEqual([
			[true, 'WELCOME10'],
			[true, 'SAVE5'],
		]);
		expect(page.Voucherify.validate).toBeTypeOf('function');
		expect(requests.map((request) => request.url.pathname)).toEqual(['/client/v1/validations', '/client/v1/validations']);
		// The second queued call already carries the id the first one was answered with.
		expect((await validationOf(requests[1])).tracking_id).toBe(page.window.results?.[0]?.tracking_id);
	});

	test('replays a queued initialize and setBaseUrl when the script tag has no data-* attributes', async () => {
		const page = openPage({
			attributes: {},
			before: `
				window.results = [];
				window.Voucherify = [
					['initialize', '${APP_ID}', '${TOKEN}'],
					['setBaseUrl', '${MOCK_URL}'],
					['validate', 'WELCOME10', function (response) { window.results.push(response); }],
				];
			`,
		});

		await vi.waitFor(() => expect(page.window.results).toHaveLength(1));
		expect(page.window.results?.[0]).toMatchObject({ valid: true, code: 'WELCOME10' });
	});

	test('warns about a queued entry that names no method, and replays the rest', async () => {
		const page = openPage({
			before: `
				window.results = [];
				window.Voucherify = [['renderPublish', '#widget'], ['validate', 'WELCOME10', function (response) { window.results.push(response); }]];
			`,
		});

		await vi.waitFor(() => expect(page.window.results).toHaveLength(1));
		expect(page.console).toHaveLength(1);
		expect(page.console[0]).toMatch(/^warn: \[voucherify\] Ignored a queued entry/);
	});
});

describe('validate(codeOrParams, callback?)', () => {
	test('calls back with the answer and returns nothing', async () => {
		const { Voucherify } = openPage();
		const answer = await viaCallback((done) => Voucherify.validate({ code: 'WELCOME10', amount: 20_000 }, done));

		expect(answer).toMatchObject({ valid: true, code: 'WELCOME10', order: { amount: 20_000, total_amount: 18_000 } });
		expect(answer.tracking_id).toMatch(TRACKING_ID);
		expect(await validationOf(requests[0])).toMatchObject({ redeemables: [{ object: 'voucher', id: 'WELCOME10' }], order: { amount: 20_000 } });
	});

	test('calls back with the invalid answer (not an error) for an unknown code', async () => {
		const { Voucherify } = openPage();

		expect(await viaCallback((done) => Voucherify.validate('NO-SUCH-CODE', done))).toMatchObject({ valid: false, reason: 'voucher not found' });
	});

	test('sends the stored tracking id on the next call', async () => {
		const { page, trackingId } = await knownVisitorPage();
		await viaCallback((done) => page.Voucherify.validate('SAVE5', done));

		expect((await validationOf(requests[0])).tracking_id).toBe(trackingId);
		expect(page.window.document.cookie).toBe(`voucherify_tracking_id=${trackingId}`);
	});

	test("calls back with voucherify.js's { type: 'error', message, context } on bad input, and sends nothing", async () => {
		const { Voucherify } = openPage();
		const failure = await viaCallback((done) => Voucherify.validate('', done));

		expect(failure).toMatchObject({ type: 'error', message: '`code` must not be empty' });
		expect(failure.context).toMatchObject({ name: 'VoucherifyInvalidInputError', field: 'code' });
		expect(Voucherify.isInvalidInputError(failure.context)).toBe(true);
		expect(requests).toEqual([]);
	});

	test("calls back with { type: 'error' } carrying the API error when the keys are wrong", async () => {
		const { Voucherify } = openPage({ attributes: { ...KEY_ATTRIBUTES, 'data-client-token': 'wrong-token' } });
		const failure = await viaCallback((done) => Voucherify.validate('WELCOME10', done));

		expect(failure.type).toBe('error');
		expect(failure.message).toContain('Unauthorized');
		expect(failure.context).toMatchObject({ name: 'VoucherifyApiError', status: 401, key: 'unauthorized' });
		expect(Voucherify.isApiError(failure.context)).toBe(true);
	});

	test('returns a Promise of the answer without a callback', async () => {
		const { Voucherify } = openPage();
		const returned = Voucherify.validate('WELCOME10');

		expect(isPromise(returned)).toBe(true);
		expect(await returned).toMatchObject({ valid: true, code: 'WELCOME10' });
	});

	test('returns a Promise that rejects with the typed error without a callback', async () => {
		const { Voucherify } = openPage();
		const error = await Voucherify.validate({ code: 'WELCOME10', amount: -1 })?.then(
			() => undefined,
			(reason: unknown) => reason,
		);

		expect(error).toMatchObject({ name: 'VoucherifyInvalidInputError', field: 'amount' });
		expect(requests).toEqual([]);
	});
});

describe("voucherify.js's other calls and argument orders", () => {
	test('redeem(code, payload, callback) posts to /redeem?code= with the visitor as customer.source_id', async () => {
		const { page, trackingId } = await knownVisitorPage();
		const redemption = await viaCallback((done) => page.Voucherify.redeem('SAVE5', { order: { amount: 20_000 } }, done));

		expect(requests).toHaveLength(1);
		expect(requests[0]?.method).toBe('POST');
		expect(requests[0]?.url.href).toBe(`${MOCK_URL}/client/v1/redeem?code=SAVE5`);
		expect(await jsonOf(requests[0])).toEqual({ order: { amount: 20_000 }, customer: { source_id: trackingId } });
		expect(redemption).toMatchObject({ object: 'redemption', result: 'SUCCESS', voucher: { code: 'SAVE5' } });
	});

	test("redeem(code, payload, callback) calls back with { type: 'error' } for an unknown code", async () => {
		const { Voucherify } = openPage();
		const failure = await viaCallback((done) => Voucherify.redeem('NO-SUCH-CODE', { order: { amount: 20_000 } }, done));

		expect(failure).toMatchObject({ type: 'error', context: { name: 'VoucherifyApiError', status: 404, key: 'not_found' } });
	});

	test('publish(campaign, payload, callback) posts to /publish?campaign= and calls back with the code', async () => {
		const { page, trackingId } = await knownVisitorPage();
		const publication = await viaCallback((done) => page.Voucherify.publish('Welcome Codes', { channel: 'popup' }, done));

		expect(requests[0]?.url.href).toBe(`${MOCK_URL}/client/v1/publish?campaign=Welcome%20Codes`);
		expect(await jsonOf(requests[0])).toEqual({ channel: 'popup', customer: { source_id: trackingId } });
		expect((publication.voucher as { code: string }).code).toMatch(/^WELCOME-/);
	});

	test('track(eventName, metadata, customer, callback) posts the event for that customer', async () => {
		const { page } = await knownVisitorPage();
		const event = await viaCallback((done) => page.Voucherify.track('newsletter_signup', { list: 'weekly' }, { source_id: 'crm-42' }, done));

		expect(requests[0]?.url.href).toBe(`${MOCK_URL}/client/v1/events`);
		expect(await jsonOf(requests[0])).toEqual({ event: 'newsletter_signup', metadata: { list: 'weekly' }, customer: { source_id: 'crm-42' } });
		expect(event).toMatchObject({ object: 'event', type: 'newsletter_signup' });
	});

	test('track(eventName, metadata, callback) takes the callback third and names the visitor by its tracking id', async () => {
		const { page, trackingId } = await knownVisitorPage();
		const event = await viaCallback((done) => page.Voucherify.track('page_view', { path: '/cart' }, done));

		expect(await jsonOf(requests[0])).toEqual({ event: 'page_view', metadata: { path: '/cart' }, customer: { source_id: trackingId } });
		expect(event).toMatchObject({ object: 'event', type: 'page_view' });
	});

	test("track('') calls back with { type: 'error' } and sends nothing", async () => {
		const { Voucherify } = openPage();
		const failure = await viaCallback((done) => Voucherify.track('', {}, done));

		expect(failure).toMatchObject({ type: 'error', context: { name: 'VoucherifyInvalidInputError', field: 'event' } });
		expect(requests).toEqual([]);
	});

	test('listVouchers(filters, callback) sends the filters and the tracking id', async () => {
		const { page, trackingId } = await knownVisitorPage();
		const list = await viaCallback((done) => page.Voucherify.listVouchers({ category: 'welcome' }, done));

		expect(requests[0]?.url.search).toBe(`?category=welcome&tracking_id=${encodeURIComponent(trackingId)}`);
		expect((list.vouchers as Array<{ code: string }>).map(({ code }) => code)).toEqual(['WELCOME10']);
	});

	test('listVouchers(callback) takes the callback first and sends no filters', async () => {
		const { page, trackingId } = await knownVisitorPage();
		const list = await viaCallback((done) => page.Voucherify.listVouchers(done));

		expect(requests[0]?.url.search).toBe(`?tracking_id=${encodeURIComponent(trackingId)}`);
		expect(list).toMatchObject({ object: 'list', data_ref: 'vouchers' });
	});

	test('each legacy call returns a Promise when given no callback', async () => {
		const { Voucherify } = openPage();
		const calls = [
			Voucherify.redeem('SAVE5', { order: { amount: 20_000 } }),
			Voucherify.publish('Welcome Codes'),
			Voucherify.track('page_view'),
			Voucherify.listVouchers(),
		];

		expect(calls.every(isPromise)).toBe(true);
		expect(await Promise.all(calls)).toHaveLength(4);
	});
});

describe('jQuery-style promises, as voucherify.js returned with jQuery loaded', () => {
	test('.done gets the answer, chains, and .fail and .always are on what each returns', async () => {
		const { Voucherify } = openPage();
		const seen: string[] = [];
		const promise = Voucherify.validate('WELCOME10');
		const chained = promise
			?.done((answer) => seen.push(`done ${(answer as { code?: string }).code}`))
			.fail(() => seen.push('fail'))
			.always((answer) => seen.push(`always ${(answer as { valid?: boolean }).valid}`));

		expect(chained).toBe(promise);
		await vi.waitFor(() => expect(seen).toEqual(['done WELCOME10', 'always true']));
	});

	test(".fail gets voucherify.js's { type: 'error', message, context } with the API's body as context.responseJSON", async () => {
		const { Voucherify } = openPage({ attributes: { ...KEY_ATTRIBUTES, 'data-client-token': 'wrong-token' } });
		const failures: CallbackResult[] = [];
		Voucherify.validate('WELCOME10')
			?.done(() => failures.push({ unexpected: true }))
			.fail((error) => failures.push(error as CallbackResult));

		await vi.waitFor(() => expect(failures).toHaveLength(1));
		expect(failures[0]).toMatchObject({ type: 'error', context: { status: 401, responseJSON: { key: 'unauthorized' } } });
		expect(Voucherify.isApiError(failures[0]?.context)).toBe(true);
	});

	test('.then(...).fail(...).always(...) works, and .catch and .finally keep .done/.fail/.always', async () => {
		const { Voucherify } = openPage();
		const seen: unknown[] = [];
		Voucherify.validate({ code: 'WELCOME10', amount: -1 })
			?.then(() => seen.push('then'))
			.fail((error) => seen.push((error as CallbackResult).type))
			.always(() => seen.push('always'));
		const recovered = Voucherify.redeem('NO-SUCH-CODE')
			?.catch(() => 'recovered')
			.finally(() => seen.push('finally'));

		expect(typeof recovered?.done).toBe('function');
		recovered?.done((value) => seen.push(value));
		await vi.waitFor(() => expect(seen).toEqual(expect.arrayContaining(['error', 'always', 'finally', 'recovered'])));
		expect(seen).not.toContain('then');
	});

	test('.done alone leaves no unhandled rejection when the call fails, as jQuery did; arrays of callbacks are called', async () => {
		const page = openPage();
		const seen: string[] = [];
		const unhandled = await unhandledRejectionsDuring(page, async () => {
			Voucherify_validateEmpty(page)?.done(() => seen.push('done'));
			page.Voucherify.validate('WELCOME10')?.done([() => seen.push('a'), () => seen.push('b')], () => seen.push('c'));
			await vi.waitFor(() => expect(seen).toEqual(['a', 'b', 'c']));
		});

		expect(unhandled).toEqual([]);
		expect(page.errors).toEqual([]);
	});
});

/** A call that fails on its input, before any request. */
const Voucherify_validateEmpty = (page: Page) => page.Voucherify.validate('');

/**
The reasons of the promises left rejected with no handler while `run` runs. jsdom fires no `unhandledrejection` on
its window, but the page's promises live in this process, so Node's own 'unhandledRejection' sees them. Vitest's
listeners are set aside meanwhile (they would fail the whole run, not this test). Node reports such promises in the
order they were rejected: once a sentinel rejected after `run` is reported, every earlier one has been too.
*/
async function unhandledRejectionsDuring(page: Page, run: () => Promise<void>): Promise<unknown[]> {
	const reasons: unknown[] = [];
	const vitestListeners = process.listeners('unhandledRejection');
	const record = (reason: unknown) => reasons.push(reason);
	process.removeAllListeners('unhandledRejection');
	process.on('unhandledRejection', record);
	try {
		await run();
		const sentinel = new page.window.Error('sentinel');
		void page.window.Promise.reject(sentinel);
		await vi.waitFor(() => expect(reasons).toContain(sentinel));
		return reasons.filter((reason) => reason !== sentinel);
	} finally {
		process.off('unhandledRejection', record);
		for (const listener of vitestListeners) process.on('unhandledRejection', listener);
	}
}

describe('validate with customer.id', () => {
	test('sends customer.id beside customer.source_id and metadata, and the mock records the validation on that customer', async () => {
		const { Voucherify } = openPage();
		const customer = await Voucherify.client!.createCustomer({ source_id: 'crm-7', name: 'Gustav' });
		requests.length = 0;
		const answer = await viaCallback((done) =>
			Voucherify.validate({ code: 'WELCOME10', amount: 20_000, customer: { id: customer.id, source_id: 'crm-7', metadata: { tier: 'gold' } } }, done),
		);

		expect(answer).toMatchObject({ valid: true });
		expect((await validationOf(requests[0])).customer).toEqual({ id: customer.id, source_id: 'crm-7', metadata: { tier: 'gold' } });
		expect(api.snapshot().customerActivity[customer.id]?.map((entry) => entry.type)).toContain('customer.validation.succeeded');
	});

	test("an unknown customer.id is the API's not_found, handed to the callback", async () => {
		const { Voucherify } = openPage();
		const failure = await viaCallback((done) => Voucherify.validate({ code: 'WELCOME10', customer: { id: 'cust_000000000000000000000404' } }, done));

		expect(failure).toMatchObject({ type: 'error', context: { status: 404, key: 'not_found' } });
	});
});

describe('every call but validate lives in voucherify-calls.min.js, loaded on first use', () => {
	const insertedScripts = (page: Page) => ([...page.window.document.querySelectorAll('script[src]')] as HTMLScriptElement[]).map((script) => script.src);

	test('validate runs in the core: a page that only validates inserts no script', async () => {
		const page = openPage({ withCalls: false });
		await page.Voucherify.validate('WELCOME10');

		expect(insertedScripts(page)).toEqual([]);
	});

	test('the first other call inserts one <script src> beside the core, whatever the number of calls, and sends nothing before it loads', async () => {
		const page = openPage({ withCalls: false });
		const published = page.Voucherify.publish('Welcome Codes', {});
		const consents = page.Voucherify.client!.listConsents();
		expect(insertedScripts(page)).toEqual(['https://shop.example/voucherify-calls.min.js']);
		// A whole validate round trip: a request the two calls had started would be in the log by its end.
		await page.Voucherify.validate('WELCOME10');
		expect(requests.map((request) => request.url.pathname)).toEqual(['/client/v1/validations']);

		// jsdom loads no <script src>: the page runs the file and the tag reports it loaded; only then do the calls go.
		runInlineScript(page.window, callsBundle);
		page.window.document.querySelector('script[src]')!.dispatchEvent(new page.window.Event('load'));
		await Promise.all([published, consents]);
		expect(requests.map((request) => request.url.pathname).sort()).toEqual(['/client/v1/consents', '/client/v1/publish', '/client/v1/validations']);
	});

	test('a file that cannot load rejects with a network error naming it, and the next call tries again', async () => {
		const page = openPage({ withCalls: false });
		const first = page.Voucherify.client!.listConsents();
		const [tag] = page.window.document.querySelectorAll('script[src]');
		tag!.dispatchEvent(new page.window.Event('error'));

		await expect(first).rejects.toMatchObject({ name: 'VoucherifyNetworkError', message: 'Could not load https://shop.example/voucherify-calls.min.js' });
		void page.Voucherify.client!.listConsents().catch(() => undefined);
		expect(insertedScripts(page)).toEqual(['https://shop.example/voucherify-calls.min.js']);
	});
});

describe('render(selector, options): the discount widget', () => {
	test('inserts one <script src> for voucherify-widget.min.js beside the core, whatever the number of calls', () => {
		const page = openPage();
		page.window.document.body.innerHTML = '<div id="voucher-checkout"></div>';
		void page.Voucherify.render('#voucher-checkout');
		void page.Voucherify.render('#voucher-checkout');
		const scripts = [...page.window.document.querySelectorAll('script[src]')] as HTMLScriptElement[];

		expect(scripts.map((script) => script.src)).toEqual(['https://shop.example/voucherify-widget.min.js']);
		expect(requests).toEqual([]);
	});

	test('once the widget is there, validates the code typed in, fills the hidden fields, announces the discount and calls onValidated', async () => {
		const page = openPage({ before: widgetBundle });
		const { document } = page.window;
		document.body.innerHTML = '<form><div id="voucher-checkout"></div></form>';
		const validated: CallbackResult[] = [];
		const container = (await page.Voucherify.render('#voucher-checkout', {
			textPlaceholder: 'e.g. WELCOME10',
			amount: true,
			onValidated: (answer: CallbackResult) => validated.push(answer),
		})) as HTMLElement;

		const code = container.querySelector('input[name=voucherifyCode]') as HTMLInputElement;
		const amount = container.querySelector('input[name=voucherifyAmount]') as HTMLInputElement;
		expect(code.getAttribute('aria-label')).toBe('Discount code');
		expect(code.placeholder).toBe('e.g. WELCOME10');
		code.value = 'WELCOME10';
		amount.value = '200,00';
		(container.querySelector('button') as HTMLButtonElement).click();

		await vi.waitFor(() => expect(validated).toHaveLength(1));
		expect(await validationOf(requests[0])).toMatchObject({ redeemables: [{ object: 'voucher', id: 'WELCOME10' }], order: { amount: 20_000 } });
		expect((container.querySelector('input[name=voucherifyDiscountType]') as HTMLInputElement).value).toBe('PERCENT');
		expect((container.querySelector('input[name=voucherifyPercentOff]') as HTMLInputElement).value).toBe('10');
		expect((container.querySelector('input[name=voucherifyTracking]') as HTMLInputElement).value).toMatch(TRACKING_ID);
		const status = container.querySelector('[role=status]') as HTMLElement;
		expect(status.getAttribute('aria-live')).toBe('polite');
		expect(status.textContent).toBe('Code WELCOME10 applied: 10% off');
		expect(code.disabled).toBe(true);
		expect(code.classList.contains('voucherifyValid')).toBe(true);
		expect(container.querySelector('[style]')).toBeNull();
	});

	test('an invalid code marks the field with classInvalid and aria-invalid and announces the reason as text', async () => {
		const page = openPage({ before: widgetBundle });
		page.window.document.body.innerHTML = '<div id="w"></div>';
		const container = (await page.Voucherify.render('#w', { classInvalid: 'is-bad' })) as HTMLElement;
		const code = container.querySelector('input') as HTMLInputElement;
		code.value = '<img src=x onerror=alert(1)>';
		(container.querySelector('button') as HTMLButtonElement).click();
		const status = container.querySelector('[role=status]') as HTMLElement;

		await vi.waitFor(() => expect(status.textContent).toMatch(/^Invalid code: /));
		expect(code.classList.contains('is-bad')).toBe(true);
		expect(code.getAttribute('aria-invalid')).toBe('true');
		expect(container.querySelector('img')).toBeNull();
	});

	test('a selector that matches nothing rejects, and .fail gets the error', async () => {
		const page = openPage({ before: widgetBundle });
		const failure = await new Promise<CallbackResult>((resolve) => page.Voucherify.render('#missing').fail(resolve));

		expect(failure).toMatchObject({ type: 'error', message: "Element '#missing' cannot be found" });
	});
});

describe('setIdentity(identity)', () => {
	test('returns the SHA-256 hash of the normalised email and sends the hash, never the email', async () => {
		const page = openPage();
		expect(page.Voucherify.setIdentity(' Alice@Shop.Example ')).toBe(EMAIL_HASH);
		await viaCallback((done) => page.Voucherify.validate('WELCOME10', done));
		await viaCallback((done) => page.Voucherify.redeem('SAVE5', { order: { amount: 20_000 } }, done));

		expect((await validationOf(requests[0])).tracking_id).toBe(EMAIL_HASH);
		expect(await jsonOf(requests[1])).toMatchObject({ customer: { source_id: EMAIL_HASH } });
		expect(page.window.document.cookie).toBe(`voucherify_tracking_id=${EMAIL_HASH}`);
		for (const request of requests) {
			const sent = [request.url.href, decodeURIComponent(request.url.href), ...[...request.headers].flat(), await request.body].join('\n');
			expect(sent.toLowerCase()).not.toContain('alice@');
		}
	});

	test('agrees with Voucherify.hashIdentity', () => {
		const { Voucherify } = openPage();

		expect(Voucherify.hashIdentity(EMAIL)).toBe(EMAIL_HASH);
	});

	test('throws the typed error for junk such as "undefined"', () => {
		const { Voucherify } = openPage();

		expect(() => Voucherify.setIdentity('undefined')).toThrow(expect.objectContaining({ name: 'VoucherifyInvalidInputError', field: 'identity' }));
	});
});

describe('utils', () => {
	test('calculatePrice and calculateDiscount use voucherify.js units: prices in major units, amounts in cents', () => {
		const { Voucherify } = openPage();

		// 10% of 200 = 20; 200 - 20 = 180.
		expect(Voucherify.utils.calculatePrice(200, { discount: { type: 'PERCENT', percent_off: 10 } })).toBe(180);
		// 500 cents = 5.00 off 49.99.
		expect(Voucherify.utils.calculateDiscount(49.99, { discount: { type: 'AMOUNT', amount_off: 500 } })).toBe(5);
	});

	test('calculatePrice takes a validate answer', async () => {
		const { Voucherify } = openPage();
		const answer = await viaCallback((done) => Voucherify.validate('WELCOME10', done));

		// WELCOME10 is 10% off: 100 - 10 = 90.
		expect(Voucherify.utils.calculatePrice(100, answer)).toBe(90);
	});
});

describe('before initialize', () => {
	test("a call calls back with { type: 'error' } carrying a VoucherifyError, and sends nothing", async () => {
		const { Voucherify } = openPage({ attributes: {} });
		expect(Voucherify.client).toBeUndefined();
		const failure = await viaCallback((done) => Voucherify.validate('WELCOME10', done));

		expect(failure.type).toBe('error');
		expect(failure.message).toContain('Voucherify.initialize');
		expect(failure.context).toMatchObject({ name: 'VoucherifyError' });
		expect(Voucherify.isVoucherifyError(failure.context)).toBe(true);
		expect(requests).toEqual([]);
	});

	test('a call without a callback rejects with the VoucherifyError', async () => {
		const { Voucherify } = openPage({ attributes: {} });
		const error = await Voucherify.listVouchers()?.then(
			() => undefined,
			(reason: unknown) => reason,
		);

		expect(Voucherify.isVoucherifyError(error)).toBe(true);
	});

	test('setIdentity returns the hash, stores nothing yet, and initialize then adopts it, as voucherify.js allowed', async () => {
		const page = openPage({ attributes: {} });

		expect(page.Voucherify.setIdentity(EMAIL)).toBe(EMAIL_HASH);
		expect(page.window.document.cookie).toBe('');
		page.Voucherify.initialize(APP_ID, TOKEN);
		page.Voucherify.setBaseUrl(MOCK_URL);
		await viaCallback((done) => page.Voucherify.validate('WELCOME10', done));

		expect((await validationOf(requests[0])).tracking_id).toBe(EMAIL_HASH);
		expect(page.Voucherify.client?.trackingId).toBe(EMAIL_HASH);
	});

	test('setIdentity refuses junk at once, even before initialize', () => {
		const { Voucherify } = openPage({ attributes: {} });

		expect(() => Voucherify.setIdentity('undefined')).toThrow(expect.objectContaining({ name: 'VoucherifyInvalidInputError', field: 'identity' }));
	});

	test('initialize(appId, token) and setBaseUrl(url) make the default instance work', async () => {
		const { Voucherify } = openPage({ attributes: {} });
		Voucherify.initialize(APP_ID, TOKEN);
		Voucherify.setBaseUrl(MOCK_URL);

		expect(await viaCallback((done) => Voucherify.validate('WELCOME10', done))).toMatchObject({ valid: true });
		expect(requests[0]?.headers.get('X-Client-Application-Id')).toBe(APP_ID);
	});
});

describe('the base URL: data-api-url and setBaseUrl(url)', () => {
	test('data-api-url alone is applied when a queued initialize brings the keys', async () => {
		const page = openPage({
			attributes: { 'data-api-url': MOCK_URL },
			before: `window.Voucherify = [['initialize', '${APP_ID}', '${TOKEN}']];`,
		});
		const answer = await viaCallback((done) => page.Voucherify.validate('WELCOME10', done));

		expect(page.console).toEqual([]);
		expect(answer).toMatchObject({ valid: true });
		expect(requests[0]?.url.href).toBe(`${MOCK_URL}/client/v1/validations`);
	});

	test('setBaseUrl after setConsent(pending) keeps the consent: the new client stores nothing in the cookie', async () => {
		const page = openPage();
		page.Voucherify.client?.setConsent('pending');
		page.Voucherify.setBaseUrl(MOCK_URL);
		await viaCallback((done) => page.Voucherify.validate('WELCOME10', done));

		expect(page.Voucherify.client?.consent).toBe('pending');
		expect(page.Voucherify.client?.trackingId).toMatch(TRACKING_ID);
		expect(page.window.document.cookie).toBe('');
	});

	test('setBaseUrl before initialize is kept, and initialize applies it', async () => {
		const { Voucherify } = openPage({ attributes: {} });
		Voucherify.setBaseUrl(MOCK_URL);
		Voucherify.initialize(APP_ID, TOKEN);

		expect(await viaCallback((done) => Voucherify.validate('WELCOME10', done))).toMatchObject({ valid: true });
		expect(requests[0]?.url.origin).toBe(MOCK_URL);
	});

	test('adds https:// to a host given without a scheme, in data-api-url or setBaseUrl, as voucherify.js did', async () => {
		const host = new URL(MOCK_URL).host;
		const page = openPage({ attributes: { ...KEY_ATTRIBUTES, 'data-api-url': host } });
		await viaCallback((done) => page.Voucherify.validate('WELCOME10', done));
		// host:port is a host with a port, not a scheme.
		server.use(http.post('https://localhost:8443/client/v1/validations', () => HttpResponse.json({ valid: false, redeemables: [{ status: 'INAPPLICABLE', object: 'voucher', id: 'WELCOME10', result: { error: { key: 'resource_not_found' } } }] })));
		page.Voucherify.setBaseUrl('localhost:8443');
		await viaCallback((done) => page.Voucherify.validate('WELCOME10', done));

		expect(page.console).toEqual([]);
		expect(requests.map((request) => request.url.origin)).toEqual([MOCK_URL, 'https://localhost:8443']);
	});

	test('refuses another scheme with VoucherifyInvalidInputError and keeps the base URL it had', async () => {
		const { Voucherify } = openPage();
		for (const url of ['ftp://api.voucherify.test', 'javascript:alert(1)', 'not a url']) {
			expect(() => Voucherify.setBaseUrl(url)).toThrow(expect.objectContaining({ name: 'VoucherifyInvalidInputError', field: 'apiUrl' }));
		}
		await viaCallback((done) => Voucherify.validate('WELCOME10', done));

		expect(requests[0]?.url.origin).toBe(MOCK_URL);
		expect(() => openPage({ attributes: {} }).Voucherify.setBaseUrl('ftp://api.voucherify.test')).toThrow(
			expect.objectContaining({ name: 'VoucherifyInvalidInputError', field: 'apiUrl' }),
		);
	});
});

describe("voucherify.js's lenient arguments", () => {
	test('initialize(appId, token, 0) falls back to the default timeout, as `timeout || 5000` did', async () => {
		const { Voucherify } = openPage({ attributes: {} });
		Voucherify.setBaseUrl(MOCK_URL);
		Voucherify.initialize(APP_ID, TOKEN, 0);

		expect(await viaCallback((done) => Voucherify.validate('WELCOME10', done))).toMatchObject({ valid: true });
	});

	test('track(eventName, metadata, null, callback) names the visitor, as with no customer', async () => {
		const { page, trackingId } = await knownVisitorPage();
		const event = await viaCallback((done) => page.Voucherify.track('page_view', { path: '/cart' }, null as never, done));

		expect(event).toMatchObject({ object: 'event', type: 'page_view' });
		expect(await jsonOf(requests[0])).toEqual({ event: 'page_view', metadata: { path: '/cart' }, customer: { source_id: trackingId } });
	});

	test('track(eventName, null, customer, callback) sends the event without metadata', async () => {
		const { page } = await knownVisitorPage();
		const event = await viaCallback((done) => page.Voucherify.track('newsletter_signup', null as never, { source_id: 'crm-42' }, done));

		expect(event).toMatchObject({ object: 'event', type: 'newsletter_signup' });
		expect(await jsonOf(requests[0])).toEqual({ event: 'newsletter_signup', customer: { source_id: 'crm-42' } });
	});

	test('redeem(code, null, callback) and publish(campaign, null, callback) read a null payload as none', async () => {
		const { page, trackingId } = await knownVisitorPage();
		const redemption = await viaCallback((done) => page.Voucherify.redeem('SAVE5', null as never, done));
		const publication = await viaCallback((done) => page.Voucherify.publish('Welcome Codes', null as never, done));

		expect(redemption).toMatchObject({ object: 'redemption', result: 'SUCCESS' });
		expect(publication.voucher).toMatchObject({ code: expect.stringMatching(/^WELCOME-/) });
		expect(await jsonOf(requests[0])).toEqual({ customer: { source_id: trackingId } });
		expect(await jsonOf(requests[1])).toMatchObject({ customer: { source_id: trackingId } });
	});

	test('a null customer or metadata inside a redeem or publish payload is left out', async () => {
		const { page, trackingId } = await knownVisitorPage();
		const payload = { order: { amount: 20_000 }, customer: null, metadata: null } as never;
		await viaCallback((done) => page.Voucherify.redeem('SAVE5', payload, done));
		await viaCallback((done) => page.Voucherify.publish('Welcome Codes', payload, done));

		expect(await jsonOf(requests[0])).toEqual({ order: { amount: 20_000 }, customer: { source_id: trackingId } });
		expect(await jsonOf(requests[1])).toEqual({ channel: 'voucherify-browser', order: { amount: 20_000 }, customer: { source_id: trackingId } });
	});

	test('validate and redeem drop whitespace anywhere in a code, as voucherify.js did', async () => {
		const { Voucherify } = openPage();
		expect(await viaCallback((done) => Voucherify.validate(' SAVE 5\n', done))).toMatchObject({ valid: true, code: 'SAVE5' });
		await viaCallback((done) => Voucherify.validate({ code: 'WEL COME10' }, done));
		expect(await viaCallback((done) => Voucherify.redeem('SA VE5', { order: { amount: 20_000 } }, done))).toMatchObject({ result: 'SUCCESS' });

		expect((await validationOf(requests[0])).redeemables[0]?.id).toBe('SAVE5');
		expect((await validationOf(requests[1])).redeemables[0]?.id).toBe('WELCOME10');
		expect(requests[2]?.url.pathname).toBe('/client/v1/redeem');
		expect(requests[2]?.url.searchParams.get('code')).toBe('SAVE5');
	});

	test('validate takes a numeric-string amount and leaves out a zero amount and null fields', async () => {
		const { Voucherify } = openPage();
		const lenient = { code: 'WELCOME10', amount: '20000', customer: null, metadata: null, items: null };
		expect(await viaCallback((done) => Voucherify.validate(lenient as never, done))).toMatchObject({ valid: true, order: { amount: 20_000 } });
		await viaCallback((done) => Voucherify.validate({ code: 'WELCOME10', amount: 0 }, done));

		expect(await validationOf(requests[0])).toEqual({ redeemables: [{ object: 'voucher', id: 'WELCOME10' }], order: { amount: 20_000 }, options: { expand: ['redeemable'] } });
		expect((await validationOf(requests[1])).order).toEqual({});
	});

	test('rounds a fractional amount or item price to the nearest cent, as the shopper saw it, and still refuses an empty code or an unknown field', async () => {
		const { Voucherify } = openPage();
		const price = 19.99;
		const items = [{ product_id: 'prod_1', quantity: 1, price: price * 100 }];
		expect(await viaCallback((done) => Voucherify.validate({ code: 'WELCOME10', amount: price * 100, items }, done))).toMatchObject({ valid: true, order: { amount: 1999 } });
		expect(await viaCallback((done) => Voucherify.redeem('SAVE5', { order: { amount: 200.4999 * 100 } }, done))).toMatchObject({ result: 'SUCCESS' });

		expect(price * 100).not.toBe(1999);
		expect((await validationOf(requests[0])).order).toEqual({ amount: 1999, items: [{ product_id: 'prod_1', quantity: 1, price: 1999 }] });
		expect(await jsonOf(requests[1])).toMatchObject({ order: { amount: 20_050 } });

		requests.length = 0;
		const refused = async (params: unknown) => ((await viaCallback((done) => Voucherify.validate(params as never, done))).context as { field?: string }).field;
		expect(await refused(' \n')).toBe('code');
		expect(await refused({ code: '' })).toBe('code');
		expect(await refused({ code: 'WELCOME10', tracking_id: 'mine' })).toBe('tracking_id');
		expect(await refused({ code: 'WELCOME10', amount: -5 })).toBe('amount');
		expect(requests).toEqual([]);
	});

	test('listVouchers(null, callback) reads null filters as none', async () => {
		const { page, trackingId } = await knownVisitorPage();
		await viaCallback((done) => page.Voucherify.listVouchers(null as never, done));

		expect(requests[0]?.url.search).toBe(`?tracking_id=${encodeURIComponent(trackingId)}`);
	});
});

describe('createClient and noConflict', () => {
	test('Voucherify.createClient makes an independent modern client', async () => {
		const { Voucherify } = openPage({ attributes: {} });
		const client = Voucherify.createClient({ clientApplicationId: APP_ID, clientToken: TOKEN, apiUrl: MOCK_URL, retry: 0 });
		const result = await client.validateStackable({ redeemables: [{ object: 'voucher', id: 'SAVE5' }], order: { amount: 20_000 } });

		expect(result.valid).toBe(true);
		expect(requests[0]?.url.href).toBe(`${MOCK_URL}/client/v1/validations`);
	});

	test.each([
		['clientSecretKey', { clientApplicationId: APP_ID, clientToken: TOKEN, clientSecretKey: TOKEN }],
		['timeoutMs', { clientApplicationId: APP_ID, clientToken: TOKEN, timeoutMs: 3000 }],
		['customHeaders', { clientApplicationId: APP_ID, clientToken: TOKEN, customHeaders: { 'X-Shop': '1' } }],
		['origin', { clientApplicationId: APP_ID, clientToken: TOKEN, origin: PAGE_URL }],
	])("Voucherify.createClient takes this SDK's option names only: @voucherify/sdk's %s is a TypeError naming it (the npm entry reads it)", (name, options) => {
		const { Voucherify } = openPage({ attributes: {} });

		expect(() => Voucherify.createClient(options as never)).toThrow(expect.objectContaining({ name: 'TypeError', message: `The \`${name}\` option is not a createClient option` }));
		expect(requests).toEqual([]);
	});

	test('Voucherify.createClient with clientSecretKey alone asks for clientToken', () => {
		const { Voucherify } = openPage({ attributes: {} });

		expect(() => Voucherify.createClient({ clientApplicationId: APP_ID, clientSecretKey: TOKEN })).toThrow(/^The `clientToken` option must be a non-empty string/);
	});

	test('noConflict() gives window.Voucherify back to what held it before and returns the SDK', () => {
		const page = openPage({ before: 'window.Voucherify = { legacy: true };' });
		const sdk = page.Voucherify;
		const returned = sdk.noConflict();

		expect(returned).toBe(sdk);
		expect(page.window.Voucherify).toEqual({ legacy: true });
	});

	test('noConflict() after a pre-load array stub leaves window.Voucherify undefined, not the drained queue', () => {
		const page = openPage({ before: 'window.Voucherify = [];' });
		const sdk = page.Voucherify.noConflict();

		expect(page.window.Voucherify).toBeUndefined();
		expect(typeof sdk.validate).toBe('function');
	});
});

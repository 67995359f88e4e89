import { delay, http, HttpResponse } from 'msw';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { VoucherifyTimeoutError } from '../../src/index.js';
import { CLIENT_BASE, CODE, makeClient, requests, server, useApi } from './support/api.js';

/** How each request goes out: XMLHttpRequest in a page, `fetch` for what must outlive it and for the `fetch` option. */

useApi();
afterEach(() => {
	vi.restoreAllMocks();
	vi.useRealTimers();
});

const watchTransports = () => ({
	fetch: vi.spyOn(globalThis, 'fetch'),
	xhrOpen: vi.spyOn(XMLHttpRequest.prototype, 'open'),
	xhrAbort: vi.spyOn(XMLHttpRequest.prototype, 'abort'),
});
const answerEvents = () => server.use(http.post(`${CLIENT_BASE}/events`, () => HttpResponse.json({ object: 'event', type: 'customer.custom_event' })));

describe('in a page', () => {
	test('validate() goes by XMLHttpRequest, not fetch, and answers as before', async () => {
		const sent = watchTransports();

		const result = await makeClient().validate(CODE);

		expect(result).toMatchObject({ valid: true, code: CODE });
		expect(sent.xhrOpen).toHaveBeenCalledWith('POST', `${CLIENT_BASE}/validations`);
		expect(sent.fetch).not.toHaveBeenCalled();
		expect(requests).toHaveLength(1);
	});

	test('track() goes by fetch with keepalive, so it outlives the page', async () => {
		answerEvents();
		const sent = watchTransports();

		await makeClient().track('checkout_started');

		expect(sent.fetch).toHaveBeenCalledTimes(1);
		expect(sent.fetch.mock.calls[0]![1]).toMatchObject({ method: 'POST', keepalive: true });
		expect(sent.xhrOpen).not.toHaveBeenCalled();
	});

	test('with the fetch option, every call goes through it', async () => {
		answerEvents();
		const sent = watchTransports();
		const own = vi.fn((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
		const client = makeClient({ fetch: own as typeof fetch });

		await client.validate(CODE);
		await client.track('checkout_started');

		expect(own.mock.calls.map(([url]) => new URL(String(url)).pathname)).toEqual(['/client/v1/validations', '/client/v1/events']);
		expect(sent.xhrOpen).not.toHaveBeenCalled();
	});
});

describe('an XMLHttpRequest', () => {
	test("is aborted by the caller's abort, and the call rejects with its reason", async () => {
		const controller = new AbortController();
		const reason = new Error('shopper left the page');
		server.use(http.post(`${CLIENT_BASE}/validations`, async () => {
			controller.abort(reason);
			await delay('infinite');
			return HttpResponse.json({});
		}));
		const sent = watchTransports();

		await expect(makeClient().validate(CODE, { signal: controller.signal })).rejects.toBe(reason);
		expect(sent.xhrAbort).toHaveBeenCalledTimes(1);
	});

	test('is aborted when the timeout passes, and the call rejects with VoucherifyTimeoutError', async () => {
		server.use(http.post(`${CLIENT_BASE}/validations`, async () => {
			await delay('infinite');
			return HttpResponse.json({});
		}));
		const sent = watchTransports();

		await expect(makeClient({ timeout: 30 }).validate(CODE)).rejects.toBeInstanceOf(VoucherifyTimeoutError);
		expect(sent.xhrAbort).toHaveBeenCalledTimes(1);
	});
});

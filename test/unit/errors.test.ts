import { runInNewContext } from 'node:vm';
import { delay, http, HttpResponse } from 'msw';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
	VoucherifyApiError,
	VoucherifyError,
	VoucherifyInvalidInputError,
	VoucherifyNetworkError,
	VoucherifyRateLimitError,
	VoucherifyTimeoutError,
	isApiError,
	isInvalidInputError,
	isNetworkError,
	isRateLimitError,
	isTimeoutError,
	isVoucherifyError,
	type ValidateParams,
} from '../../src/index.js';
import {
	ANSWERED_TRACKING_ID,
	applicableStack,
	CLIENT_BASE,
	CLIENT_TOKEN,
	CODE,
	COOKIE_NAME,
	OTHER_TRACKING_ID,
	makeClient,
	rejectionOf,
	requests,
	server,
	thrownBy,
	useApi,
} from './support/api.js';
import { reasonOf, settleOnFakeClock } from './support/fake-clock.js';
import { cookieValue, goOffline, setRawCookie } from './support/dom.js';

const VALIDATE_URL = `${CLIENT_BASE}/validations`;
const VALIDATIONS_URL = `${CLIENT_BASE}/validations`;
const STACKABLE = { redeemables: [{ object: 'voucher' as const, id: CODE }] };
const ERROR_BODY = {
	code: 400,
	key: 'invalid_amount',
	message: 'Invalid amount',
	details: 'Amount must be a positive integer.',
	request_id: 'v-0b2d4f6a8c',
};
const RATE_LIMIT_BODY = { code: 429, message: 'Too many requests hit the API too quickly.' };
const RETRY_AFTER_SECONDS = 30;
const TIMEOUT_MS = 50;
const SLOW_ANSWER_MS = 200;

useApi();
afterEach(() => {
	vi.useRealTimers();
});

const storeTrackingId = (id: string) => setRawCookie(`${COOKIE_NAME}=${id}; Path=/`);
const ORDINARY_VALUES = [new Error('boom'), new TypeError('bad'), null, undefined, 'VoucherifyApiError', { name: 'voucherifyapierror' }];
const OUR_ERROR_NAMES = [
	'VoucherifyApiError',
	'VoucherifyRateLimitError',
	'VoucherifyNetworkError',
	'VoucherifyTimeoutError',
	'VoucherifyInvalidInputError',
];

const rateLimited = (retryAfter: number) =>
	HttpResponse.json(RATE_LIMIT_BODY, { status: 429, headers: { 'Retry-After': String(retryAfter) } });
const unavailable = () => HttpResponse.json({ code: 503, key: 'service_unavailable' }, { status: 503, headers: { 'Retry-After': '0' } });

describe('VoucherifyApiError', () => {
	test('carries status, key, code, message, details and requestId of a 400 error body', async () => {
		server.use(http.post(VALIDATE_URL, () => HttpResponse.json(ERROR_BODY, { status: 400 })));

		const error = await rejectionOf(makeClient().validate(CODE));

		expect(error).toBeInstanceOf(VoucherifyApiError);
		expect(error).toMatchObject({
			name: 'VoucherifyApiError',
			status: 400,
			key: 'invalid_amount',
			code: 400,
			details: 'Amount must be a positive integer.',
			requestId: 'v-0b2d4f6a8c',
			body: ERROR_BODY,
		});
		expect((error as Error).message).toContain('Invalid amount');
	});

	test('names the failed request by method and URL, without the client token', async () => {
		server.use(http.post(VALIDATE_URL, () => HttpResponse.json(ERROR_BODY, { status: 400 })));

		const error = await rejectionOf(makeClient().validate(CODE));

		expect(error).toMatchObject({ request: { method: 'POST', url: VALIDATE_URL } });
		expect(JSON.stringify(error)).not.toContain(CLIENT_TOKEN);
	});

	test('describes a non-JSON error page from its status', async () => {
		server.use(http.post(VALIDATE_URL, () => new HttpResponse('<html>Bad gateway</html>', { status: 502 })));

		const error = await rejectionOf(makeClient().validate(CODE));

		expect(error).toBeInstanceOf(VoucherifyApiError);
		expect(error).toMatchObject({ status: 502, key: undefined });
	});

	test("reports a 2xx body that is not JSON with the key 'invalid_response'", async () => {
		server.use(http.post(VALIDATE_URL, () => new HttpResponse('<html>captive portal</html>', { status: 200 })));

		const error = await rejectionOf(makeClient().validate(CODE));

		expect(error).toBeInstanceOf(VoucherifyApiError);
		expect(error).toMatchObject({ status: 200, key: 'invalid_response' });
	});

	test('a valid:false answer resolves as a normal result', async () => {
		const result = await makeClient().validate('EXPIRED');

		expect(result.valid).toBe(false);
		expect(!result.valid && result.reason).toBe('voucher expired');
	});
});

describe('rate limits and retries', () => {
	test('retries a 429 exactly once, then rejects with VoucherifyRateLimitError carrying retryAfter', async () => {
		let answered = 0;
		server.use(http.post(VALIDATE_URL, () => rateLimited(answered++ === 0 ? 0 : RETRY_AFTER_SECONDS)));

		const error = await rejectionOf(makeClient().validate(CODE));

		expect(requests).toHaveLength(2);
		expect(error).toBeInstanceOf(VoucherifyRateLimitError);
		expect(error).toBeInstanceOf(VoucherifyApiError);
		expect(error).toMatchObject({ status: 429, retryAfter: RETRY_AFTER_SECONDS, message: RATE_LIMIT_BODY.message });
	});

	test.each<[string, string, (retryAfter: unknown) => void]>([
		['0 seconds', '0', (retryAfter) => expect(retryAfter).toBe(0)],
		['an HTTP date two minutes ahead', new Date(Date.now() + 120_000).toUTCString(), (retryAfter) => expect(retryAfter).toBeOneOf([119, 120])],
		['an unreadable value', 'soon', (retryAfter) => expect(retryAfter).toBeUndefined()],
	])('reads a second 429 with Retry-After %s into retryAfter', async (_case, header, check) => {
		let answered = 0;
		server.use(
			http.post(VALIDATE_URL, () =>
				HttpResponse.json(RATE_LIMIT_BODY, { status: 429, headers: { 'Retry-After': answered++ === 0 ? '0' : header } }),
			),
		);

		const error = await rejectionOf(makeClient().validate(CODE));

		expect(error).toBeInstanceOf(VoucherifyRateLimitError);
		check((error as VoucherifyRateLimitError).retryAfter);
	});

	test('retries a 429 only once even when retry allows more', async () => {
		server.use(http.post(VALIDATE_URL, () => rateLimited(0)));

		await expect(makeClient({ retry: 2 }).validate(CODE)).rejects.toBeInstanceOf(VoucherifyRateLimitError);
		expect(requests).toHaveLength(2);
	});

	test('succeeds when a 429 is followed by a 200', async () => {
		let answered = 0;
		server.use(
			http.post(VALIDATE_URL, () =>
				answered++ === 0 ? rateLimited(0) : HttpResponse.json(applicableStack(ANSWERED_TRACKING_ID)),
			),
		);

		const result = await makeClient().validate(CODE);

		expect(result.valid).toBe(true);
		expect(requests).toHaveLength(2);
	});

	test('retries a 429 on POST /validations once', async () => {
		server.use(http.post(VALIDATIONS_URL, () => rateLimited(0)));

		await expect(makeClient({ retry: 2 }).validateStackable(STACKABLE)).rejects.toBeInstanceOf(VoucherifyRateLimitError);
		expect(requests).toHaveLength(2);
	});

	test('does not retry a 503 on POST /validations, whatever retry says', async () => {
		server.use(http.post(VALIDATIONS_URL, unavailable));

		const error = await rejectionOf(makeClient({ retry: 2 }).validateStackable(STACKABLE));

		expect(error).toMatchObject({ name: 'VoucherifyApiError', status: 503 });
		expect(requests).toHaveLength(1);
	});

	test('does not retry a network error on POST /validations', async () => {
		server.use(http.post(VALIDATIONS_URL, () => HttpResponse.error()));

		await expect(makeClient({ retry: 2 }).validateStackable(STACKABLE)).rejects.toBeInstanceOf(VoucherifyNetworkError);
		expect(requests).toHaveLength(1);
	});

	test('makes 3 attempts of a GET on 503 with retry: 2', async () => {
		server.use(http.post(VALIDATE_URL, unavailable));

		await expect(makeClient({ retry: 2 }).validate(CODE)).rejects.toMatchObject({ status: 503 });
		expect(requests).toHaveLength(3);
	});

	test('makes 1 attempt of a GET on 503 with retry: 0', async () => {
		server.use(http.post(VALIDATE_URL, unavailable));

		await expect(makeClient({ retry: 0 }).validate(CODE)).rejects.toMatchObject({ status: 503 });
		expect(requests).toHaveLength(1);
	});

	test('does not retry a 400', async () => {
		server.use(http.post(VALIDATE_URL, () => HttpResponse.json(ERROR_BODY, { status: 400 })));

		await expect(makeClient({ retry: 2 }).validate(CODE)).rejects.toMatchObject({ status: 400 });
		expect(requests).toHaveLength(1);
	});
});

describe('VoucherifyNetworkError', () => {
	test('rejects with VoucherifyNetworkError when the connection fails', async () => {
		server.use(http.post(VALIDATE_URL, () => HttpResponse.error()));

		const error = await rejectionOf(makeClient().validate(CODE));

		expect(error).toBeInstanceOf(VoucherifyNetworkError);
		expect(error).toMatchObject({ request: { method: 'POST' } });
	});

	test('rejects with VoucherifyNetworkError and sends nothing when the browser is offline', async () => {
		goOffline();

		await expect(makeClient().validate(CODE)).rejects.toBeInstanceOf(VoucherifyNetworkError);
		expect(requests).toHaveLength(0);
	});
});

describe('VoucherifyTimeoutError', () => {
	test('rejects with VoucherifyTimeoutError when no answer arrives within timeout', async () => {
		server.use(
			http.post(VALIDATE_URL, async () => {
				await delay(SLOW_ANSWER_MS);
				return HttpResponse.json({ valid: true, tracking_id: ANSWERED_TRACKING_ID });
			}),
		);

		const error = reasonOf(await settleOnFakeClock(() => makeClient({ timeout: TIMEOUT_MS }).validate(CODE)));

		expect(error).toBeInstanceOf(VoucherifyTimeoutError);
		expect(error).toMatchObject({ timeout: TIMEOUT_MS });
	});

	test('leaves the stored tracking id unchanged when the late answer carries another', async () => {
		storeTrackingId(OTHER_TRACKING_ID);
		let lateAnswerSent = false;
		server.use(
			http.post(VALIDATE_URL, async () => {
				await delay(SLOW_ANSWER_MS);
				lateAnswerSent = true;
				return HttpResponse.json({ valid: true, tracking_id: ANSWERED_TRACKING_ID });
			}),
		);
		const client = makeClient({ timeout: TIMEOUT_MS });

		const outcome = await settleOnFakeClock(() => client.validate(CODE));

		expect(reasonOf(outcome)).toBeInstanceOf(VoucherifyTimeoutError);
		expect(lateAnswerSent).toBe(true);
		expect(client.trackingId).toBe(OTHER_TRACKING_ID);
		expect(cookieValue(COOKIE_NAME)).toBe(OTHER_TRACKING_ID);
	});
});

describe('AbortSignal', () => {
	test("rejects with the signal's reason when the caller aborts during the call", async () => {
		const controller = new AbortController();
		const reason = new Error('shopper left the page');
		server.use(
			http.post(VALIDATE_URL, async () => {
				controller.abort(reason);
				await delay(SLOW_ANSWER_MS);
				return HttpResponse.json({ valid: true, tracking_id: ANSWERED_TRACKING_ID });
			}),
		);

		await expect(makeClient().validate(CODE, { signal: controller.signal })).rejects.toBe(reason);
	});

	test('an aborted call changes no stored tracking id, even once its late answer is sent', async () => {
		storeTrackingId(OTHER_TRACKING_ID);
		const controller = new AbortController();
		const reason = new Error('shopper left the page');
		let lateAnswerSent = false;
		server.use(
			http.post(VALIDATE_URL, async () => {
				controller.abort(reason);
				await delay(SLOW_ANSWER_MS);
				lateAnswerSent = true;
				return HttpResponse.json({ valid: true, tracking_id: ANSWERED_TRACKING_ID });
			}),
		);
		const client = makeClient();

		const outcome = await settleOnFakeClock(() => client.validate(CODE, { signal: controller.signal }));

		expect(reasonOf(outcome)).toBe(reason);
		expect(lateAnswerSent).toBe(true);
		expect(client.trackingId).toBe(OTHER_TRACKING_ID);
		expect(cookieValue(COOKIE_NAME)).toBe(OTHER_TRACKING_ID);
	});

	test('an aborted first call adopts no tracking id', async () => {
		const controller = new AbortController();
		const reason = new Error('shopper left the page');
		server.use(
			http.post(VALIDATE_URL, () => {
				controller.abort(reason);
				return HttpResponse.json({ valid: true, tracking_id: ANSWERED_TRACKING_ID });
			}),
		);
		const client = makeClient();

		await expect(client.validate(CODE, { signal: controller.signal })).rejects.toBe(reason);
		expect(client.trackingId).toBeUndefined();
	});

	test('an already aborted signal rejects with its reason and sends nothing', async () => {
		const reason = new Error('cancelled before sending');

		await expect(makeClient().validate(CODE, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
		expect(requests).toHaveLength(0);
	});

	test('an already aborted signal on validateStackable rejects with its reason and sends nothing', async () => {
		const reason = new Error('cancelled before sending');

		await expect(makeClient().validateStackable(STACKABLE, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
		expect(requests).toHaveLength(0);
	});
});

describe('VoucherifyInvalidInputError', () => {
	test.each<[string, unknown, string]>([
		['an empty code', '', 'code'],
		['a blank code', '   ', 'code'],
		['a numeric code', { code: 123 }, 'code'],
		['a number instead of a code or params', 123, 'params'],
		['a code over 500 characters', 'C'.repeat(501), 'code'],
		['a negative amount', { code: CODE, amount: -1 }, 'amount'],
		['a fractional amount', { code: CODE, amount: 10.5 }, 'amount'],
		['an amount given as a string', { code: CODE, amount: '1000' }, 'amount'],
		['items that are not an array', { code: CODE, items: { sku_id: 'x' } }, 'items'],
		['an item quantity of zero', { code: CODE, items: [{ sku_id: 'x', quantity: 0 }] }, 'items[0].quantity'],
		['an item that is not an object', { code: CODE, items: ['sku_1'] }, 'items[0]'],
		['metadata that cannot be sent as JSON', { code: CODE, metadata: { total: Number.NaN } }, 'metadata.total'],
		['nested metadata in the promotions query (no code)', { amount: 100, metadata: { nested: { a: 1 } } }, 'metadata.nested'],
		['metadata that is not an object', { code: CODE, metadata: 'vip' }, 'metadata'],
		['an unknown parameter', { code: CODE, tracking_id: OTHER_TRACKING_ID }, 'tracking_id'],
		['a signal that is not an AbortSignal', CODE, 'signal'],
	])('rejects %s before any request', async (label, params, field) => {
		const options = field === 'signal' ? ({ signal: 'stop' } as unknown as { signal: AbortSignal }) : undefined;

		const error = await rejectionOf(makeClient().validate(params as ValidateParams, options));

		expect(error, label).toBeInstanceOf(VoucherifyInvalidInputError);
		expect(error).toMatchObject({ field });
		expect(requests).toHaveLength(0);
	});

	test('validate returns a rejected promise for bad input instead of throwing', async () => {
		const client = makeClient();
		let pending: Promise<unknown> | undefined;

		expect(() => (pending = client.validate(''))).not.toThrow();
		await expect(pending).rejects.toBeInstanceOf(VoucherifyInvalidInputError);
	});

	test('validateStackable returns a rejected promise for bad input instead of throwing', async () => {
		const client = makeClient();
		let pending: Promise<unknown> | undefined;

		expect(() => (pending = client.validateStackable({ redeemables: [] }))).not.toThrow();
		await expect(pending).rejects.toBeInstanceOf(VoucherifyInvalidInputError);
	});

	test('a rejected input changes no stored tracking id', async () => {
		storeTrackingId(OTHER_TRACKING_ID);
		const client = makeClient();

		await expect(client.validate({ code: CODE, amount: -5 })).rejects.toBeInstanceOf(VoucherifyInvalidInputError);
		expect(client.trackingId).toBe(OTHER_TRACKING_ID);
	});
});

describe('error guards', () => {
	const foreignError = (name: string): Error => {
		const ForeignError = runInNewContext('Error') as ErrorConstructor;
		const error = new ForeignError('from another realm');
		error.name = name;
		return error;
	};

	test.each<[string, (error: unknown) => boolean, string]>([
		['isVoucherifyError', isVoucherifyError, 'VoucherifyError'],
		['isApiError', isApiError, 'VoucherifyApiError'],
		['isRateLimitError', isRateLimitError, 'VoucherifyRateLimitError'],
		['isNetworkError', isNetworkError, 'VoucherifyNetworkError'],
		['isTimeoutError', isTimeoutError, 'VoucherifyTimeoutError'],
		['isInvalidInputError', isInvalidInputError, 'VoucherifyInvalidInputError'],
	])('%s is true for a %s from another realm and for a plain object with that name', (_guard, guard, name) => {
		expect(guard(foreignError(name))).toBe(true);
		expect(guard({ name })).toBe(true);
	});

	test.each<[string, (error: unknown) => boolean]>([
		['isVoucherifyError', isVoucherifyError],
		['isApiError', isApiError],
		['isRateLimitError', isRateLimitError],
		['isNetworkError', isNetworkError],
		['isTimeoutError', isTimeoutError],
		['isInvalidInputError', isInvalidInputError],
	])('%s is false for ordinary errors and non-errors', (_guard, guard) => {
		for (const value of [...ORDINARY_VALUES, foreignError('Error')]) {
			expect(guard(value)).toBe(false);
		}
	});

	test('isVoucherifyError is true for every error of ours from another realm', () => {
		for (const name of OUR_ERROR_NAMES) {
			expect(isVoucherifyError(foreignError(name))).toBe(true);
		}
	});

	test('isApiError is true for a rate-limit error; isRateLimitError is false for a plain API error', () => {
		expect(isApiError({ name: 'VoucherifyRateLimitError' })).toBe(true);
		expect(isRateLimitError({ name: 'VoucherifyApiError' })).toBe(false);
	});

	test('an API error thrown by the client passes isApiError and isVoucherifyError and is a VoucherifyError', async () => {
		server.use(http.post(VALIDATE_URL, () => HttpResponse.json(ERROR_BODY, { status: 400 })));

		const error = await rejectionOf(makeClient().validate(CODE));

		expect(error).toBeInstanceOf(VoucherifyError);
		expect(isApiError(error)).toBe(true);
		expect(isVoucherifyError(error)).toBe(true);
		expect(isNetworkError(error)).toBe(false);
	});

	test('an invalid-input error thrown by setIdentity passes isInvalidInputError', () => {
		const error = thrownBy(() => makeClient().setIdentity(''));

		expect(isInvalidInputError(error)).toBe(true);
		expect(isApiError(error)).toBe(false);
	});
});

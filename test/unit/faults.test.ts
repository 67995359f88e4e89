import { delay, http, HttpResponse } from 'msw';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
	VoucherifyApiError,
	VoucherifyNetworkError,
	VoucherifyRateLimitError,
	VoucherifyTimeoutError,
	type ClientOptions,
	type VoucherifyClient,
} from '../../src/index.js';
import {
	ANSWERED_TRACKING_ID,
	applicableStack,
	CLIENT_BASE,
	CODE,
	COOKIE_NAME,
	OTHER_TRACKING_ID,
	makeClient,
	rejectionOf,
	requests,
	sentTrackingId,
	server,
	useApi,
} from './support/api.js';
import { FAKE_TIME_ENOUGH_MS, reasonOf, settleOnFakeClock } from './support/fake-clock.js';
import { cookieValue, goOffline, setRawCookie, spyOnCookieWrites } from './support/dom.js';

/**
The SDK under server faults, cut connections, timeouts, aborts and offline browsers: every failure is a typed error,
and no fault loses or replaces the visitor's tracking id or identity hash. errors.test.ts already proves the error
classes, 503 retry counts on GET, 503 and network errors on POST /validations, 429 retried once, and the stored id
surviving a timeout and an abort of validate(); this file covers the rest. Slow paths run on a fake clock.
*/

const VALIDATE_URL = `${CLIENT_BASE}/validations`;
const STACKABLE = { redeemables: [{ object: 'voucher' as const, id: CODE }] };
const IDENTITY = 'alice@shop.example';
const LATE_TRACKING_ID = 'track_late+/Answer==';
const RETRY_AFTER_CAP_MS = 10_000;
const TIMEOUT_MS = 50;
const SLOW_ANSWER_MS = 300;

type Call = (client: VoucherifyClient) => Promise<unknown>;

const GET_CALLS: Array<[string, Call]> = [
	['validate → GET /validate', (client) => client.validate(CODE)],
	['listVouchers → GET /vouchers', (client) => client.listVouchers()],
	['listConsents → GET /consents', (client) => client.listConsents()],
	['listPromotionTiers → GET /promotions/tiers', (client) => client.listPromotionTiers()],
];
const PUT_CALL: [string, Call] = ['updateConsents → PUT /customers/{id}/consents', (client) => client.updateConsents('cust_1', { cnst_1: true })];
const POST_CALLS: Array<[string, Call]> = [
	['validateStackable → POST /validations', (client) => client.validateStackable(STACKABLE)],
	['redeemStackable → POST /redemptions', (client) => client.redeemStackable(STACKABLE)],
	['redeem → POST /redeem', (client) => client.redeem(CODE)],
	['publish → POST /publish', (client) => client.publish('Welcome')],
	['track → POST /events', (client) => client.track('signup')],
	['createCustomer → POST /customers', (client) => client.createCustomer({ email: 'shopper@shop.example' })],
	['qualifications → POST /qualifications', (client) => client.qualifications({})],
];
const ALL_CALLS = [...GET_CALLS, PUT_CALL, ...POST_CALLS];

useApi();
afterEach(() => {
	vi.useRealTimers();
});

const storeTrackingId = (id: string) => setRawCookie(`${COOKIE_NAME}=${id}; Path=/`);
const answerWithId = () => HttpResponse.json(applicableStack(ANSWERED_TRACKING_ID));
const serverError = (status: number, headers: Record<string, string> = {}) =>
	HttpResponse.json({ code: status, key: 'server_error', message: 'Something broke', tracking_id: ANSWERED_TRACKING_ID }, { status, headers });
const rateLimited = (retryAfter: string) =>
	HttpResponse.json({ code: 429, message: 'Too many requests hit the API too quickly.' }, { status: 429, headers: { 'Retry-After': retryAfter } });
/**
The `fetch` option, so the request goes by `fetch`: msw's XMLHttpRequest interceptor never reports a body stream
that errors (test/e2e/cut-answer.test.ts cuts the connection under XHR in real browsers).
*/
const byFetch: Partial<ClientOptions> = { fetch: (input, init) => fetch(input, init) };
/** A 200 whose body stream breaks after its first chunk, which already names a tracking id. */
const cutMidBody = (status = 200) => {
	let pulls = 0;
	const stream = new ReadableStream<Uint8Array>({
		pull(controller) {
			pulls += 1;
			if (pulls === 1) controller.enqueue(new TextEncoder().encode(`{"valid":true,"tracking_id":"${ANSWERED_TRACKING_ID}","order":{`));
			else controller.error(new TypeError('terminated: other side closed'));
		},
	});
	return new HttpResponse(stream, { status, headers: { 'Content-Type': 'application/json' } });
};
/** Headers and the first chunk of a body, then nothing: the connection stays open and silent. */
const stallMidBody = (status = 200) =>
	new HttpResponse(
		new ReadableStream<Uint8Array>({
			start(controller) {
				controller.enqueue(new TextEncoder().encode(`{"valid":true,"tracking_id":"${LATE_TRACKING_ID}",`));
			},
		}),
		{ status, headers: { 'Content-Type': 'application/json' } },
	);
/** Answers every client route the same way. */
const everyRoute = (answer: () => Response | Promise<Response>) => server.use(http.all(`${CLIENT_BASE}/*`, answer));

describe('retries of idempotent calls', () => {
	test.each([408, 500, 502, 504])('a GET answered %d on every attempt is sent 1 + retry times, then rejects with VoucherifyApiError of that status', async (status) => {
		server.use(http.post(VALIDATE_URL, () => serverError(status)));

		const error = reasonOf(await settleOnFakeClock(() => makeClient({ retry: 2 }).validate(CODE)));

		expect(requests).toHaveLength(3);
		expect(error).toBeInstanceOf(VoucherifyApiError);
		expect(error).toMatchObject({ status, key: 'server_error' });
	});

	test('a 429 after a retried 500 is still retried once, and the call resolves', async () => {
		const answers = [() => serverError(500), () => rateLimited('1'), answerWithId];
		server.use(http.post(VALIDATE_URL, () => answers[requests.length - 1]!()));

		const outcome = await settleOnFakeClock(() => makeClient({ retry: 1 }).validate(CODE));

		expect(outcome).toMatchObject({ status: 'fulfilled', value: { valid: true } });
		expect(requests).toHaveLength(3);
	});

	test('a GET that fails with a network error on every attempt is sent 1 + retry times, then rejects with VoucherifyNetworkError', async () => {
		server.use(http.post(VALIDATE_URL, () => HttpResponse.error()));

		const error = reasonOf(await settleOnFakeClock(() => makeClient({ retry: 2 }).validate(CODE)));

		expect(requests).toHaveLength(3);
		expect(error).toBeInstanceOf(VoucherifyNetworkError);
	});

	test('a GET answered 500 once and then 200 resolves with the second answer', async () => {
		let answered = 0;
		server.use(http.post(VALIDATE_URL, () => (answered++ === 0 ? serverError(500) : answerWithId())));

		const outcome = await settleOnFakeClock(() => makeClient({ retry: 1 }).validate(CODE));

		expect(outcome).toMatchObject({ status: 'fulfilled', value: { valid: true } });
		expect(requests).toHaveLength(2);
	});

	test('a PUT answered 503 is retried like a GET, then rejects with VoucherifyApiError 503', async () => {
		server.use(http.put(`${CLIENT_BASE}/customers/:id/consents`, () => serverError(503, { 'Retry-After': '0' })));

		const error = reasonOf(await settleOnFakeClock(() => makeClient({ retry: 1 }).updateConsents('cust_1', { cnst_1: true })));

		expect(requests).toHaveLength(2);
		expect(error).toBeInstanceOf(VoucherifyApiError);
		expect(error).toMatchObject({ name: 'VoucherifyApiError', status: 503 });
	});
});

describe('POST calls', () => {
	/** Each failure, and the error the caller must get for it: its class and the fields it carries. */
	const FAILURES: Array<[string, () => Response, abstract new (...args: never[]) => unknown, Record<string, unknown>]> = [
		['500', () => serverError(500), VoucherifyApiError, { name: 'VoucherifyApiError', status: 500, key: 'server_error' }],
		['502', () => serverError(502), VoucherifyApiError, { name: 'VoucherifyApiError', status: 502, key: 'server_error' }],
		['503 with Retry-After: 0', () => serverError(503, { 'Retry-After': '0' }), VoucherifyApiError, { name: 'VoucherifyApiError', status: 503, key: 'server_error' }],
		['504', () => serverError(504), VoucherifyApiError, { name: 'VoucherifyApiError', status: 504, key: 'server_error' }],
		['a network error', () => HttpResponse.error(), VoucherifyNetworkError, { name: 'VoucherifyNetworkError' }],
	];

	test.each(POST_CALLS.flatMap(([call, run]) => FAILURES.map(([failure, answer, errorClass, fields]) => [call, failure, run, answer, errorClass, fields] as const)))(
		'%s answered %s is sent exactly once, with retry: 2, and rejects with the typed error',
		async (_call, _failure, run, answer, errorClass, fields) => {
			everyRoute(answer);

			const error = reasonOf(await settleOnFakeClock(() => run(makeClient({ retry: 2 }))));

			expect(error).toBeInstanceOf(errorClass);
			expect(error).toMatchObject(fields);
			expect(requests).toHaveLength(1);
		},
	);

	test.each(POST_CALLS)('%s answered 429 and then 200 resolves after exactly 2 requests', async (_call, run) => {
		let answered = 0;
		everyRoute(() => (answered++ === 0 ? rateLimited('0') : answerWithId()));

		const outcome = await settleOnFakeClock(() => run(makeClient({ retry: 0 })));

		expect(outcome.status).toBe('fulfilled');
		expect(requests).toHaveLength(2);
	});
});

describe('Retry-After beyond the 10 s cap', () => {
	const inAnHour = () => new Date(Date.now() + 3_600_000).toUTCString();

	test.each<[string, () => string]>([
		['3600 seconds', () => '3600'],
		['an HTTP date an hour ahead', inAnHour],
	])('a 429 asking to wait %s is retried once the 10 s cap has passed, not later', async (_wait, retryAfter) => {
		vi.useFakeTimers();
		let answered = 0;
		server.use(http.post(VALIDATE_URL, () => (answered++ === 0 ? rateLimited(retryAfter()) : answerWithId())));
		const pending = makeClient().validate(CODE);

		await vi.advanceTimersByTimeAsync(RETRY_AFTER_CAP_MS - 1);
		expect(requests).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(requests).toHaveLength(2);
		await expect(pending).resolves.toMatchObject({ valid: true });
	});
});

describe('how long a retry waits', () => {
	test.each<[string, string, number]>([
		['1.5 seconds', '1.5', 1500],
		['an unreadable value, which leaves the 300 ms backoff', 'soon', 300],
		['nothing at all, which leaves the 300 ms backoff', '', 300],
	])('a 429 whose Retry-After is %s is retried after exactly that wait', async (_wait, retryAfter, waitMs) => {
		vi.useFakeTimers();
		let answered = 0;
		server.use(http.post(VALIDATE_URL, () => (answered++ === 0 ? rateLimited(retryAfter) : answerWithId())));
		const pending = makeClient().validate(CODE);

		await vi.advanceTimersByTimeAsync(waitMs - 1);
		expect(requests).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(requests).toHaveLength(2);
		await expect(pending).resolves.toMatchObject({ valid: true });
	});

	test('an abort right after a 429 arrives sends no retry, even before the wait begins', async () => {
		const controller = new AbortController();
		const reason = new Error('the shopper left');
		server.use(http.post(`${CLIENT_BASE}/redeem`, () => rateLimited('1')));
		const abortingFetch: typeof fetch = async (input, init) => {
			const response = await fetch(input, init);
			queueMicrotask(() => controller.abort(reason));
			return response;
		};

		const outcome = await settleOnFakeClock(() => makeClient({ fetch: abortingFetch }).redeem(CODE, {}, { signal: controller.signal }));

		expect(reasonOf(outcome)).toBe(reason);
		expect(requests).toHaveLength(1);
	});
});

describe('answers that cannot be read', () => {
	test.each<[string, string]>([
		['null', 'null'],
		['a list', '[{"valid":true}]'],
		['a number', '42'],
		['a JSON string', '"ok"'],
		['empty', ''],
	])("a 200 whose body is %s rejects with VoucherifyApiError 'invalid_response'", async (_body, body) => {
		server.use(http.post(VALIDATE_URL, () => new HttpResponse(body, { status: 200, headers: { 'Content-Type': 'application/json' } })));

		const error = await rejectionOf(makeClient().validate(CODE));

		expect(error).toBeInstanceOf(VoucherifyApiError);
		expect(error).toMatchObject({ status: 200, key: 'invalid_response' });
	});

	test.each(POST_CALLS)("%s answered 200 with an HTML page rejects with VoucherifyApiError 'invalid_response'", async (_call, run) => {
		everyRoute(() => new HttpResponse('<html><body>Please log in to the Wi-Fi</body></html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));

		const error = await rejectionOf(run(makeClient()));

		expect(error).toBeInstanceOf(VoucherifyApiError);
		expect(error).toMatchObject({ status: 200, key: 'invalid_response' });
	});

	test.each<[string, () => Response]>([
		['204', () => new HttpResponse(null, { status: 204 })],
		['200 with an empty body', () => new HttpResponse('', { status: 200 })],
	])('the consents PUT answered %s resolves with undefined', async (_answer, answer) => {
		server.use(http.put(`${CLIENT_BASE}/customers/:id/consents`, answer));

		await expect(makeClient().updateConsents('cust_1', { cnst_1: true })).resolves.toBeUndefined();
	});

	test('a 502 HTML page rejects with VoucherifyApiError 502 whose message names the status and holds no markup', async () => {
		server.use(http.post(VALIDATE_URL, () => new HttpResponse('<html><h1>502 Bad Gateway</h1><hr>nginx</html>', { status: 502, headers: { 'Content-Type': 'text/html' } })));

		const error = await rejectionOf(makeClient().validate(CODE));

		expect(error).toBeInstanceOf(VoucherifyApiError);
		expect(error).toMatchObject({ status: 502, message: 'The Voucherify API answered 502', body: { code: 502 } });
	});

	test('a validate whose 200 body breaks after the first chunk is retried as a lost answer, then rejects with VoucherifyNetworkError', async () => {
		server.use(http.post(VALIDATE_URL, () => cutMidBody()));

		const error = reasonOf(await settleOnFakeClock(() => makeClient({ ...byFetch, retry: 1 }).validate(CODE)));

		expect(error).toBeInstanceOf(VoucherifyNetworkError);
		expect(error).toMatchObject({ request: { method: 'POST' } });
		expect(requests).toHaveLength(2);
	});

	test('a POST whose 200 body breaks after the first chunk rejects with VoucherifyNetworkError after one request', async () => {
		server.use(http.post(`${CLIENT_BASE}/validations`, () => cutMidBody()));

		const error = await rejectionOf(makeClient({ ...byFetch, retry: 2 }).validateStackable(STACKABLE));

		expect(error).toBeInstanceOf(VoucherifyNetworkError);
		expect(requests).toHaveLength(1);
	});

	test('a 500 whose body breaks after the first chunk rejects with VoucherifyNetworkError: no whole answer came', async () => {
		server.use(http.post(VALIDATE_URL, () => cutMidBody(500)));

		const error = await rejectionOf(makeClient(byFetch).validate(CODE));

		expect(error).toBeInstanceOf(VoucherifyNetworkError);
	});
});

describe('timeouts', () => {
	test.each<[string, string, Call, (handler: () => Promise<Response>) => void]>([
		['validate', 'GET', (client) => client.validate(CODE), (handler) => server.use(http.post(VALIDATE_URL, handler))],
		['validateStackable', 'POST', (client) => client.validateStackable(STACKABLE), (handler) => server.use(http.post(`${CLIENT_BASE}/validations`, handler))],
	])('a timed-out first %s (%s) never writes the tracking id its late answer carries', async (_method, _verb, run, install) => {
		let lateAnswerSent = false;
		install(async () => {
			await delay(SLOW_ANSWER_MS);
			lateAnswerSent = true;
			return HttpResponse.json({ valid: true, redeemables: [], tracking_id: LATE_TRACKING_ID });
		});
		const writes = spyOnCookieWrites();
		const client = makeClient({ timeout: TIMEOUT_MS });

		const outcome = await settleOnFakeClock(() => run(client));

		expect(reasonOf(outcome)).toBeInstanceOf(VoucherifyTimeoutError);
		expect(lateAnswerSent).toBe(true);
		expect(client.trackingId).toBeUndefined();
		expect(cookieValue(COOKIE_NAME)).toBeUndefined();
		expect(writes).toEqual([]);
	});

	test('a body that stalls after the headers rejects with VoucherifyTimeoutError, and the next call still goes out', async () => {
		server.use(http.post(VALIDATE_URL, () => (requests.length === 1 ? stallMidBody() : answerWithId())));
		const client = makeClient({ timeout: TIMEOUT_MS });

		const stalled = await settleOnFakeClock(() => client.validate(CODE));
		const next = await settleOnFakeClock(() => client.validate(CODE));

		expect(reasonOf(stalled)).toBeInstanceOf(VoucherifyTimeoutError);
		expect(reasonOf(stalled)).toMatchObject({ timeout: TIMEOUT_MS });
		expect(next).toMatchObject({ status: 'fulfilled', value: { valid: true } });
		expect(client.trackingId).toBe(ANSWERED_TRACKING_ID);
	});

	test('an error answer whose body stalls rejects with VoucherifyTimeoutError: the timeout holds for the whole answer', async () => {
		server.use(http.post(`${CLIENT_BASE}/validations`, () => stallMidBody(500)));

		const error = reasonOf(await settleOnFakeClock(() => makeClient({ timeout: TIMEOUT_MS }).validateStackable(STACKABLE)));

		expect(error).toBeInstanceOf(VoucherifyTimeoutError);
		expect(error).toMatchObject({ timeout: TIMEOUT_MS });
	});

	test('the call after a timed-out first call goes out without waiting for it and keeps its own answer', async () => {
		let answered = 0;
		server.use(
			http.post(VALIDATE_URL, async () => {
				answered += 1;
				if (answered === 1) {
					await delay(SLOW_ANSWER_MS);
					return HttpResponse.json({ valid: true, tracking_id: LATE_TRACKING_ID });
				}
				return answerWithId();
			}),
		);
		vi.useFakeTimers();
		const client = makeClient({ timeout: TIMEOUT_MS });
		const first = Promise.allSettled([client.validate(CODE)]);
		await vi.advanceTimersByTimeAsync(TIMEOUT_MS);
		const second = client.validate(CODE);
		await vi.advanceTimersByTimeAsync(FAKE_TIME_ENOUGH_MS);

		expect(reasonOf((await first)[0] as PromiseSettledResult<unknown>)).toBeInstanceOf(VoucherifyTimeoutError);
		await expect(second).resolves.toMatchObject({ valid: true });
		expect(sentTrackingId(requests[1])).toBeNull();
		expect(client.trackingId).toBe(ANSWERED_TRACKING_ID);
	});
});

describe('aborts', () => {
	test("an abort without a reason rejects with the signal's own AbortError", async () => {
		const controller = new AbortController();
		server.use(
			http.post(VALIDATE_URL, async () => {
				controller.abort();
				await delay(SLOW_ANSWER_MS);
				return answerWithId();
			}),
		);

		const outcome = await settleOnFakeClock(() => makeClient().validate(CODE, { signal: controller.signal }));

		expect(reasonOf(outcome)).toBe(controller.signal.reason);
		expect(reasonOf(outcome)).toMatchObject({ name: 'AbortError' });
	});

	test('a POST aborted mid-flight rejects with the reason after exactly one request', async () => {
		const controller = new AbortController();
		const reason = new Error('shopper closed the tab');
		server.use(
			http.post(`${CLIENT_BASE}/redeem`, async () => {
				controller.abort(reason);
				await delay(SLOW_ANSWER_MS);
				return answerWithId();
			}),
		);

		const outcome = await settleOnFakeClock(() => makeClient({ retry: 2 }).redeem(CODE, {}, { signal: controller.signal }));

		expect(reasonOf(outcome)).toBe(reason);
		expect(requests).toHaveLength(1);
	});

	test('an abort during the wait before a 429 retry rejects with the reason and sends no second request', async () => {
		const controller = new AbortController();
		const reason = new Error('shopper navigated away');
		server.use(http.post(VALIDATE_URL, () => rateLimited('5')));
		vi.useFakeTimers();
		const pending = Promise.allSettled([makeClient().validate(CODE, { signal: controller.signal })]);

		await vi.advanceTimersByTimeAsync(1000);
		controller.abort(reason);
		await vi.advanceTimersByTimeAsync(FAKE_TIME_ENOUGH_MS);

		expect(reasonOf((await pending)[0] as PromiseSettledResult<unknown>)).toBe(reason);
		expect(requests).toHaveLength(1);
	});
});

describe('offline', () => {
	test.each(ALL_CALLS)('%s rejects with VoucherifyNetworkError while offline, sending nothing and waiting for no timer', async (_call, run) => {
		goOffline();
		vi.useFakeTimers();

		const error = await rejectionOf(run(makeClient({ retry: 2 })));

		expect(error).toBeInstanceOf(VoucherifyNetworkError);
		expect(requests).toHaveLength(0);
	});
});

/** One fault, set up fresh for each test: the client options, the call, and what the caller must see. */
type Scenario = {
	options?: Partial<ClientOptions>;
	run: Call;
	check: (outcome: PromiseSettledResult<unknown>) => void;
};

const rejectsWith =
	(errorClass: abstract new (...args: never[]) => unknown, fields: Record<string, unknown> = {}) =>
	(outcome: PromiseSettledResult<unknown>) => {
		const error = reasonOf(outcome);
		expect(error).toBeInstanceOf(errorClass);
		expect(error).toMatchObject(fields);
	};
const resolves = (outcome: PromiseSettledResult<unknown>) => expect(outcome.status).toBe('fulfilled');
const validate: Call = (client) => client.validate(CODE);
const validateStackable: Call = (client) => client.validateStackable(STACKABLE);

const FAULTS: Array<[string, () => Scenario]> = [
	['GET answered 500 on every attempt', () => {
		server.use(http.post(VALIDATE_URL, () => serverError(500)));
		return { options: { retry: 1 }, run: validate, check: rejectsWith(VoucherifyApiError, { status: 500 }) };
	}],
	['GET answered 503 on every attempt', () => {
		server.use(http.post(VALIDATE_URL, () => serverError(503, { 'Retry-After': '1' })));
		return { options: { retry: 2 }, run: validate, check: rejectsWith(VoucherifyApiError, { status: 503 }) };
	}],
	['GET failing with a network error', () => {
		server.use(http.post(VALIDATE_URL, () => HttpResponse.error()));
		return { options: { retry: 1 }, run: validate, check: rejectsWith(VoucherifyNetworkError) };
	}],
	['POST answered 503', () => {
		server.use(http.post(`${CLIENT_BASE}/validations`, () => serverError(503)));
		return { run: validateStackable, check: rejectsWith(VoucherifyApiError, { status: 503 }) };
	}],
	['POST failing with a network error', () => {
		server.use(http.post(`${CLIENT_BASE}/validations`, () => HttpResponse.error()));
		return { run: validateStackable, check: rejectsWith(VoucherifyNetworkError) };
	}],
	['GET answered 429 and then 200 with another tracking id', () => {
		let answered = 0;
		server.use(http.post(VALIDATE_URL, () => (answered++ === 0 ? rateLimited('0') : answerWithId())));
		return { run: validate, check: resolves };
	}],
	['GET answered 429 with Retry-After: 3600 and then 200', () => {
		let answered = 0;
		server.use(http.post(VALIDATE_URL, () => (answered++ === 0 ? rateLimited('3600') : answerWithId())));
		return { run: validate, check: resolves };
	}],
	['GET answered 429 twice', () => {
		server.use(http.post(VALIDATE_URL, () => rateLimited('1')));
		return { run: validate, check: rejectsWith(VoucherifyRateLimitError, { status: 429, retryAfter: 1 }) };
	}],
	['GET answered 200 with HTML', () => {
		server.use(http.post(VALIDATE_URL, () => new HttpResponse('<html>captive portal</html>', { status: 200 })));
		return { run: validate, check: rejectsWith(VoucherifyApiError, { key: 'invalid_response' }) };
	}],
	['GET answered 200 with JSON null', () => {
		server.use(http.post(VALIDATE_URL, () => HttpResponse.json(null)));
		return { run: validate, check: rejectsWith(VoucherifyApiError, { key: 'invalid_response' }) };
	}],
	['GET answered 502 with HTML', () => {
		server.use(http.post(VALIDATE_URL, () => new HttpResponse('<html>Bad gateway</html>', { status: 502 })));
		return { run: validate, check: rejectsWith(VoucherifyApiError, { status: 502 }) };
	}],
	['GET whose body breaks mid-way', () => {
		server.use(http.post(VALIDATE_URL, () => cutMidBody()));
		return { options: byFetch, run: validate, check: rejectsWith(VoucherifyNetworkError) };
	}],
	['POST whose body breaks mid-way', () => {
		server.use(http.post(`${CLIENT_BASE}/validations`, () => cutMidBody()));
		return { options: byFetch, run: validateStackable, check: rejectsWith(VoucherifyNetworkError) };
	}],
	['GET timing out before a late answer with another tracking id', () => {
		server.use(http.post(VALIDATE_URL, async () => {
			await delay(SLOW_ANSWER_MS);
			return answerWithId();
		}));
		return { options: { timeout: TIMEOUT_MS }, run: validate, check: rejectsWith(VoucherifyTimeoutError, { timeout: TIMEOUT_MS }) };
	}],
	['POST timing out before a late answer with another tracking id', () => {
		server.use(http.post(`${CLIENT_BASE}/validations`, async () => {
			await delay(SLOW_ANSWER_MS);
			return answerWithId();
		}));
		return { options: { timeout: TIMEOUT_MS }, run: validateStackable, check: rejectsWith(VoucherifyTimeoutError) };
	}],
	['GET aborted mid-flight by the caller', () => {
		const controller = new AbortController();
		const reason = new Error('shopper left the page');
		server.use(http.post(VALIDATE_URL, async () => {
			controller.abort(reason);
			await delay(SLOW_ANSWER_MS);
			return answerWithId();
		}));
		return {
			run: (client) => client.validate(CODE, { signal: controller.signal }),
			check: (outcome) => expect(reasonOf(outcome)).toBe(reason),
		};
	}],
	['a call while the browser is offline', () => {
		goOffline();
		return { run: validate, check: rejectsWith(VoucherifyNetworkError) };
	}],
];

describe('no fault loses or replaces the visitor', () => {
	test.each(FAULTS)('%s: the caller gets a typed error or the answer', async (_fault, scenario) => {
		const { options, run, check } = scenario();

		check(await settleOnFakeClock(() => run(makeClient(options))));
	});

	test.each(FAULTS)('%s: the stored tracking id is kept in the cookie and on the client', async (_fault, scenario) => {
		storeTrackingId(OTHER_TRACKING_ID);
		const { options, run } = scenario();
		const client = makeClient(options);

		await settleOnFakeClock(() => run(client));

		expect(client.trackingId).toBe(OTHER_TRACKING_ID);
		expect(cookieValue(COOKIE_NAME)).toBe(OTHER_TRACKING_ID);
	});

	test.each(FAULTS)('%s: the identity hash is kept in the cookie and on the client', async (_fault, scenario) => {
		const { options, run } = scenario();
		const client = makeClient(options);
		const hash = client.setIdentity(IDENTITY);

		await settleOnFakeClock(() => run(client));

		expect(client.trackingId).toBe(hash);
		expect(cookieValue(COOKIE_NAME)).toBe(hash);
	});
});

import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { MAX_AMOUNT } from '../../src/shared/money.js';
import { VoucherifyInvalidInputError } from '../../src/index.js';
import { bodyJson, CLIENT_BASE, CODE, makeClient, rejectionOf, requests, server, useApi } from './support/api.js';

/**
Each argument is read once: the SDK takes one copy, checks it and sends that copy, so a getter that answers
differently on a second read cannot slip past the checks. The money limit is the mock's (src/shared/money.ts).
*/

useApi();

/** An object whose `key` is a string the first time it is read and an object afterwards; counts its reads. */
function shapeShifter(key: string): { value: Record<string, string>; reads: () => number } {
	let reads = 0;
	const value = {};
	Object.defineProperty(value, key, {
		enumerable: true,
		get() {
			reads += 1;
			return reads === 1 ? 'gold' : { nested: true };
		},
	});
	return { value, reads: () => reads };
}

const refusedField = async (promise: Promise<unknown>): Promise<string | undefined> => {
	const error = await rejectionOf(promise);
	expect(error).toBeInstanceOf(VoucherifyInvalidInputError);
	return (error as VoucherifyInvalidInputError).field;
};

describe('inputs are read once', () => {
	test('validate: a metadata getter is read once and the value it gave the check is the one sent', async () => {
		const metadata = shapeShifter('tier');
		await makeClient().validate({ code: CODE, metadata: metadata.value });
		expect(metadata.reads()).toBe(1);
		expect(await bodyJson(requests[0])).toMatchObject({ metadata: { tier: 'gold' } });
		expect(requests[0]?.url.search).not.toContain('object');
	});

	test('validateStackable: a metadata getter is read once and its first answer is what the body carries', async () => {
		const metadata = shapeShifter('tier');
		await makeClient().validateStackable({ redeemables: [{ object: 'voucher', id: CODE }], metadata: metadata.value });
		expect(metadata.reads()).toBe(1);
		expect((await bodyJson(requests[0])).metadata).toEqual({ tier: 'gold' });
	});

	test('a `code` getter is read once', async () => {
		let reads = 0;
		const params = Object.defineProperty({}, 'code', { enumerable: true, get: () => (reads += 1) === 1 ? CODE : 42 });
		await makeClient().validate(params);
		expect(reads).toBe(1);
		expect(await bodyJson(requests[0])).toMatchObject({ redeemables: [{ id: CODE }] });
	});

	test('createCustomer sends the copy it checked', async () => {
		server.use(http.post(`${CLIENT_BASE}/customers`, () => HttpResponse.json({ id: 'cust_1', source_id: 'shopper' })));
		const metadata = shapeShifter('tier');
		await makeClient().createCustomer({ source_id: 'shopper', metadata: metadata.value });
		expect(metadata.reads()).toBe(1);
		expect((await bodyJson(requests[0])).metadata).toEqual({ tier: 'gold' });
	});

	test('updateConsents sends the choices it checked', async () => {
		server.use(http.put(`${CLIENT_BASE}/customers/shopper/consents`, () => new HttpResponse(null, { status: 204 })));
		let reads = 0;
		const consents = Object.defineProperty({}, 'cnst_newsletter', { enumerable: true, get: () => ((reads += 1) === 1 ? true : 'yes') });
		await makeClient().updateConsents('shopper', consents);
		expect(reads).toBe(1);
		expect(await bodyJson(requests[0])).toEqual({ cnst_newsletter: true });
	});
});

describe('the signal option', () => {
	test('`{ signal: { aborted: false } }` is refused naming `signal`, before any request', async () => {
		expect(await refusedField(makeClient().validate(CODE, { signal: { aborted: false } as unknown as AbortSignal }))).toBe('signal');
		expect(requests).toHaveLength(0);
	});

	test('an object that only looks like a signal (aborted, addEventListener) is refused too', async () => {
		const lookalike = { aborted: false, reason: undefined, addEventListener: () => undefined, removeEventListener: () => undefined, throwIfAborted: () => undefined };
		expect(await refusedField(makeClient().validateStackable({ redeemables: [{ object: 'voucher', id: CODE }] }, { signal: lookalike as unknown as AbortSignal }))).toBe('signal');
		expect(requests).toHaveLength(0);
	});

	test('a real AbortSignal is taken', async () => {
		await makeClient().validate(CODE, { signal: new AbortController().signal });
		expect(requests).toHaveLength(1);
	});
});

describe('the money limit shared with the API', () => {
	test('a 16-digit amount up to MAX_AMOUNT is sent as written; one past it is refused naming `amount`, before any request', async () => {
		await makeClient().validate({ code: CODE, amount: MAX_AMOUNT });
		expect(await bodyJson(requests[0])).toMatchObject({ order: { amount: MAX_AMOUNT } });
		expect(await refusedField(makeClient().validate({ code: CODE, amount: MAX_AMOUNT + 1 }))).toBe('amount');
		expect(requests).toHaveLength(1);
	});

	test('an item price past MAX_AMOUNT is refused naming the field', async () => {
		const items = [{ product_id: 'p', price: MAX_AMOUNT + 2, quantity: 1 }];
		expect(await refusedField(makeClient().validateStackable({ redeemables: [{ object: 'voucher', id: CODE }], order: { items } }))).toBe('order.items[0].price');
		expect(requests).toHaveLength(0);
	});
});

import { describe, expect, test } from 'vitest';
import { VoucherifyInvalidInputError } from '../../src/index.js';
import { CODE, makeClient, rejectionOf, requests, useApi } from './support/api.js';

/** The SDK refuses before sending what the API refuses: an order whose computed amounts pass 2^53 − 1 (src/shared/money.ts). */

useApi();

const MAX = Number.MAX_SAFE_INTEGER;

describe('computed amounts beyond the largest exact amount', () => {
	test('validate: a line whose price × quantity passes it names that line, and nothing is sent', async () => {
		const error = await rejectionOf(makeClient().validate({ code: CODE, items: [{ product_id: 'p', price: MAX, quantity: 3 }] }));

		expect(error).toBeInstanceOf(VoucherifyInvalidInputError);
		expect(error).toMatchObject({ field: 'items[0].amount' });
		expect((error as Error).message).toContain(String(MAX));
		expect(requests).toHaveLength(0);
	});

	test('validate: items that each fit but whose sum passes it, with no amount, name the amount', async () => {
		const items = [{ product_id: 'a', amount: MAX - 1 }, { product_id: 'b', amount: 2 }];

		expect(await rejectionOf(makeClient().validate({ code: CODE, items }))).toMatchObject({ field: 'amount' });
		expect(requests).toHaveLength(0);
	});

	test('validate: the same items with an amount given are sent, as the API takes them', async () => {
		const items = [{ product_id: 'a', amount: MAX - 1 }, { product_id: 'b', amount: 2 }];
		await makeClient().validate({ code: CODE, amount: 1000, items });

		expect(requests).toHaveLength(1);
	});

	test('a JSON body order (validateStackable) is held to the same limit, naming order.items[i].amount', async () => {
		const order = { items: [{ product_id: 'p', price: 999_999_999_999_999, quantity: 999_999_999_999_999 }] };
		const error = await rejectionOf(makeClient().validateStackable({ redeemables: [{ object: 'voucher', id: CODE }], order }));

		expect(error).toMatchObject({ name: 'VoucherifyInvalidInputError', field: 'order.items[0].amount' });
		expect(requests).toHaveLength(0);
	});

	test('the largest exact amount itself is sent', async () => {
		await makeClient().validate({ code: CODE, items: [{ product_id: 'p', price: MAX, quantity: 1 }] });

		expect(requests).toHaveLength(1);
	});
});

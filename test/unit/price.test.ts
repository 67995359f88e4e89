import { describe, expect, test } from 'vitest';
import { VoucherifyInvalidInputError, calculateDiscount, calculatePrice, type PricedVoucher } from '../../src/index.js';

/**
voucherify.js's price helpers. Units as voucherify.js has them: prices in major units (49.99), the voucher's
`amount_off`, `amount_limit` and gift `balance` in minor units (cents). Every expected value below is worked out
by hand in the row's comment.
*/

type Row = { name: string; basePrice: number; voucher: PricedVoucher; unitPrice?: number; discount: number; price: number };

const ROWS: Row[] = [
	// 10% of 200 = 20; 200 - 20 = 180.
	{ name: 'PERCENT: 10% of 200', basePrice: 200, voucher: { discount: { type: 'PERCENT', percent_off: 10 } }, discount: 20, price: 180 },
	// 20% of 200 = 40, but amount_limit 1500 cents = 15.00 caps it: 15; 200 - 15 = 185.
	{
		name: 'PERCENT capped by amount_limit (cents): 20% of 200, limit 1500',
		basePrice: 200,
		voucher: { discount: { type: 'PERCENT', percent_off: 20, amount_limit: 1500 } },
		discount: 15,
		price: 185,
	},
	// 20% of 50 = 10, under the 15.00 limit: 10; 50 - 10 = 40.
	{
		name: 'PERCENT under its amount_limit: 20% of 50, limit 1500',
		basePrice: 50,
		voucher: { discount: { type: 'PERCENT', percent_off: 20, amount_limit: 1500 } },
		discount: 10,
		price: 40,
	},
	// 100% of 49.99 = 49.99; nothing left to pay.
	{ name: 'PERCENT: 100% of 49.99', basePrice: 49.99, voucher: { discount: { type: 'PERCENT', percent_off: 100 } }, discount: 49.99, price: 0 },
	// 33% of 10 = 3.30; 10 - 3.30 = 6.70.
	{ name: 'PERCENT rounded to cents: 33% of 10', basePrice: 10, voucher: { discount: { type: 'PERCENT', percent_off: 33 } }, discount: 3.3, price: 6.7 },
	// 15% of 19.99 = 2.9985, which rounds to 3.00; 19.99 - 3.00 = 16.99.
	{ name: 'PERCENT rounded to cents: 15% of 19.99', basePrice: 19.99, voucher: { discount: { type: 'PERCENT', percent_off: 15 } }, discount: 3, price: 16.99 },
	// 12.5% of 0.99 = 0.12375, which rounds to 0.12; 0.99 - 0.12 = 0.87.
	{ name: 'PERCENT rounded down: 12.5% of 0.99', basePrice: 0.99, voucher: { discount: { type: 'PERCENT', percent_off: 12.5 } }, discount: 0.12, price: 0.87 },
	// 10% of 0.05 = 0.005, half a cent, which rounds up to 0.01; 0.05 - 0.01 = 0.04.
	{ name: 'PERCENT: half a cent rounds up', basePrice: 0.05, voucher: { discount: { type: 'PERCENT', percent_off: 10 } }, discount: 0.01, price: 0.04 },
	// 10% of 0 = 0.
	{ name: 'PERCENT of a zero price', basePrice: 0, voucher: { discount: { type: 'PERCENT', percent_off: 10 } }, discount: 0, price: 0 },
	// amount_off 500 cents = 5.00; 49.99 - 5.00 = 44.99.
	{ name: 'AMOUNT: 500 cents off 49.99', basePrice: 49.99, voucher: { discount: { type: 'AMOUNT', amount_off: 500 } }, discount: 5, price: 44.99 },
	// amount_off 10000 cents = 100.00, more than 49.99: the discount is the whole price and the price is 0, never below.
	{ name: 'AMOUNT larger than the price: 10000 cents off 49.99', basePrice: 49.99, voucher: { discount: { type: 'AMOUNT', amount_off: 10_000 } }, discount: 49.99, price: 0 },
	// amount_off 1 cent = 0.01; 0.10 - 0.01 = 0.09.
	{ name: 'AMOUNT: one cent off 0.10', basePrice: 0.1, voucher: { discount: { type: 'AMOUNT', amount_off: 1 } }, discount: 0.01, price: 0.09 },
	// 2 units off at 12.50 each = 25; 100 - 25 = 75.
	{ name: 'UNIT: 2 units of 12.50 off 100', basePrice: 100, voucher: { discount: { type: 'UNIT', unit_off: 2 } }, unitPrice: 12.5, discount: 25, price: 75 },
	// 10 units off at 12.50 each = 125, more than 100: capped at the base price, 100; nothing left to pay.
	{ name: 'UNIT capped at the base price: 10 units of 12.50 off 100', basePrice: 100, voucher: { discount: { type: 'UNIT', unit_off: 10 } }, unitPrice: 12.5, discount: 100, price: 0 },
	// Gift balance 5000 cents = 50.00, more than 30: 30 is used, nothing left to pay.
	{ name: 'gift: balance 5000 cents on 30', basePrice: 30, voucher: { gift: { balance: 5000 } }, discount: 30, price: 0 },
	// Gift balance 50.00 on 80: all 50 is used; 80 - 50 = 30.
	{ name: 'gift: balance 5000 cents on 80', basePrice: 80, voucher: { gift: { balance: 5000 } }, discount: 50, price: 30 },
	// Gift balance 1234 cents = 12.34 on 20.01: 20.01 - 12.34 = 7.67.
	{ name: 'gift: balance 1234 cents on 20.01', basePrice: 20.01, voucher: { gift: { balance: 1234 } }, discount: 12.34, price: 7.67 },
	// An empty gift card takes nothing off.
	{ name: 'gift: an empty balance', basePrice: 20, voucher: { gift: { balance: 0 } }, discount: 0, price: 20 },
];

describe.each(ROWS)('$name', ({ basePrice, voucher, unitPrice, discount, price }) => {
	test(`calculateDiscount is ${discount}`, () => {
		expect(calculateDiscount(basePrice, voucher, unitPrice)).toBe(discount);
	});

	test(`calculatePrice is ${price}`, () => {
		expect(calculatePrice(basePrice, voucher, unitPrice)).toBe(price);
	});
});

test('reads amount_limit 0 or null, as the API may send it, as no limit', () => {
	// 20% of 200 = 40, uncapped.
	expect(calculateDiscount(200, { discount: { type: 'PERCENT', percent_off: 20, amount_limit: 0 } })).toBe(40);
	expect(calculateDiscount(200, { discount: { type: 'PERCENT', percent_off: 20, amount_limit: null as never } })).toBe(40);
});

test('reads gift: null, as the API sends it on a discount voucher, as no gift', () => {
	expect(calculatePrice(200, { discount: { type: 'PERCENT', percent_off: 10 }, gift: null as never })).toBe(180);
});

test('takes a validation result as the voucher: its discount is what counts', () => {
	const validation = { valid: true, code: 'WELCOME10', discount: { type: 'PERCENT' as const, percent_off: 10 }, tracking_id: 'track_x' };

	expect(calculatePrice(49.99, validation)).toBe(44.99); // 10% of 49.99 = 4.999, rounds to 5.00
});

test.each([
	['a voucher with no discount and no gift', 100, {}, undefined, 'voucher'],
	['no voucher at all', 100, undefined, undefined, 'voucher'],
	['a discount type it cannot price', 100, { discount: { type: 'FIXED', amount_off: 500 } }, undefined, 'voucher'],
	['percent_off 0', 100, { discount: { type: 'PERCENT', percent_off: 0 } }, undefined, 'discount.percent_off'],
	['percent_off 150', 100, { discount: { type: 'PERCENT', percent_off: 150 } }, undefined, 'discount.percent_off'],
	['a PERCENT discount without percent_off', 100, { discount: { type: 'PERCENT' } }, undefined, 'discount.percent_off'],
	['a negative amount_off', 100, { discount: { type: 'AMOUNT', amount_off: -500 } }, undefined, 'discount.amount_off'],
	['a UNIT discount without a unit price', 100, { discount: { type: 'UNIT', unit_off: 1 } }, undefined, 'unitPrice'],
	['a UNIT discount with a negative unit price', 100, { discount: { type: 'UNIT', unit_off: 1 } }, -12.5, 'unitPrice'],
	['a negative amount_limit', 200, { discount: { type: 'PERCENT', percent_off: 10, amount_limit: -100 } }, undefined, 'voucher'],
	['a gift with no balance', 100, { gift: {} }, undefined, 'voucher'],
	['a gift balance that is not a number', 100, { gift: { balance: 'lots' } }, undefined, 'voucher'],
	['a negative base price', -1, { discount: { type: 'PERCENT', percent_off: 10 } }, undefined, 'basePrice'],
	['a base price that is not a number', '49.99', { discount: { type: 'PERCENT', percent_off: 10 } }, undefined, 'basePrice'],
	['an infinite base price', Number.POSITIVE_INFINITY, { gift: { balance: 100 } }, undefined, 'basePrice'],
	['NaN as the base price', Number.NaN, { gift: { balance: 100 } }, undefined, 'basePrice'],
])('refuses %s with VoucherifyInvalidInputError', (_, basePrice, voucher, unitPrice, field) => {
	for (const calculate of [calculateDiscount, calculatePrice]) {
		let error: unknown;
		try {
			calculate(basePrice as number, voucher as PricedVoucher, unitPrice);
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(VoucherifyInvalidInputError);
		expect(error).toMatchObject({ field });
	}
});

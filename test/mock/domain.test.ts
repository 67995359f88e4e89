import { describe, expect, test } from 'vitest';
import { computeReduction, isReduction, noReduction, reductionTotal, type Benefit } from '../../src/mock/domain/orders/benefits.js';
import { createMockCore } from '../../src/mock/domain/mock-core.js';
import { createIdSource } from '../../src/mock/domain/shared/ids.js';
import { normalizeOrder } from '../../src/mock/domain/orders/order.js';
import { DEFAULT_CAMPAIGNS, DEFAULT_CONSENTS, DEFAULT_VOUCHERS } from '../../src/mock/index.js';

const reductionOf = (benefit: Benefit, amount: number) => {
	const order = normalizeOrder({ amount });
	const reduction = computeReduction(benefit, order, noReduction(order));
	if (!isReduction(reduction)) throw new Error(reduction.details);
	return reductionTotal(reduction);
};

/** A core on a fixed clock with a counter for randomness: every run is the same. */
function deterministicCore() {
	let counter = 0;
	const ids = createIdSource((length) => Uint8Array.from({ length }, () => counter++ % 256));
	return createMockCore({ catalog: { campaigns: DEFAULT_CAMPAIGNS, consents: DEFAULT_CONSENTS }, vouchers: DEFAULT_VOUCHERS, ids, now: () => new Date('2025-06-01T12:00:00Z') });
}

describe('discount arithmetic in minor units', () => {
	test('a percentage rounds half up to the unit', () => {
		expect(reductionOf({ kind: 'discount', discount: { type: 'PERCENT', percent_off: 10 } }, 12_345)).toBe(1235);
	});

	test('a fractional percentage still yields an integer', () => {
		expect(reductionOf({ kind: 'discount', discount: { type: 'PERCENT', percent_off: 12.5 } }, 999)).toBe(125);
	});

	test('a unit discount counts only the units the order has', () => {
		const order = normalizeOrder({ items: [{ product_id: 'prod_socks', quantity: 1, price: 700 }] });
		const reduction = computeReduction({ kind: 'discount', discount: { type: 'UNIT', unit_off: 3, unit_type: 'prod_socks' } }, order, noReduction(order));
		expect(isReduction(reduction) && reduction.items).toEqual([700]);
	});

	test('a unit price comes from amount ÷ quantity when no price is given', () => {
		const order = normalizeOrder({ items: [{ sku_id: 'prod_socks', quantity: 4, amount: 2000 }] });
		const reduction = computeReduction({ kind: 'discount', discount: { type: 'UNIT', unit_off: 1, unit_type: 'prod_socks' } }, order, noReduction(order));
		expect(isReduction(reduction) && reduction.items).toEqual([500]);
	});
});

describe('generated ids', () => {
	test('bytes that encode to + and / appear in tracking ids as they are', () => {
		const ids = createIdSource((length) => new Uint8Array(length).fill(0xfb));
		expect(ids.trackingId()).toBe('track_+/v7+/v7+/v7+/v7+/v7+w==');
	});

	test('customer ids skip bytes that would bias base62', () => {
		const bytes = [255, 250, 248, 0, 61, 62];
		const ids = createIdSource((length) => Uint8Array.from({ length }, (_, index) => bytes[index % bytes.length] ?? 0));
		expect(ids.customer()).toBe(`cust_${'0z0'.repeat(8)}`);
	});
});

describe('the core without HTTP', () => {
	test('is deterministic given its clock and randomness', () => {
		const run = () => {
			const core = deterministicCore();
			core.validateVoucher('WELCOME10', { order: { amount: 1000 } });
			core.redeemVoucher('SAVE5', { customer: { source_id: 'ann' }, order: { amount: 1000 }, channel: 'API' });
			return core.snapshot();
		};
		expect(run()).toEqual(run());
	});

	test('a redemption in the same tick as another with the same new tracking id joins its customer', () => {
		const core = deterministicCore();
		const first = core.redeemStack({ redeemables: [{ object: 'voucher', id: 'WELCOME10' }], trackingId: 'track_same', channel: 'API' });
		const second = core.redeemVoucher('SAVE5', { trackingId: 'track_same', channel: 'API' });
		expect(second.customer_id).toBe(first.parent_redemption.customer_id);
		expect(core.snapshot().customers).toHaveLength(1);
	});

	test('reset restores the fixtures and forgets customers', () => {
		const core = deterministicCore();
		core.redeemVoucher('LASTONE', { customer: { source_id: 'ann' }, order: { amount: 2000 }, channel: 'API' });
		core.reset();
		expect(core.snapshot().customers).toEqual([]);
		expect(core.getVoucher('LASTONE').redemption.redeemed_quantity).toBe(0);
	});
});

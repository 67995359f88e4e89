import { describe, expect, test } from 'vitest';
import { clientCall, TRANSPORTS, validate } from './support.js';

interface OrderBody {
	amount: number;
	discount_amount: number;
	items_discount_amount: number;
	total_discount_amount: number;
	total_amount: number;
	applied_discount_amount: number;
	items: Array<{ product_id?: string; amount: number; discount_amount: number; subtotal_amount: number }>;
}

const SOCKS = { product_id: 'prod_socks', quantity: 2, price: 1200 };
const TSHIRT = { product_id: 'prod_tshirt', quantity: 1, price: 2500 };

/** The validate query for items, in the bracket grammar. */
const itemParams = (items: ReadonlyArray<Record<string, string | number>>) =>
	Object.fromEntries(items.flatMap((item, index) => Object.entries(item).map(([key, value]) => [`item[${index}][${key}]`, value])));

describe.each(TRANSPORTS)('validating one code over $transport', ({ use }) => {
	const target = use();
	const orderOf = async (params: Record<string, string | number>) => {
		const { status, body } = await validate(target, params);
		expect(status).toBe(200);
		expect(body.valid).toBe(true);
		return body.order as OrderBody;
	};

	test('WELCOME10 takes 10% off the order amount, rounded to the unit', async () => {
		expect(await orderOf({ code: 'WELCOME10', amount: 12_345 })).toMatchObject({
			amount: 12_345,
			discount_amount: 1235,
			total_discount_amount: 1235,
			applied_discount_amount: 1235,
			total_amount: 11_110,
		});
	});

	test('BIGSALE20 takes 20% below its amount_limit', async () => {
		expect(await orderOf({ code: 'BIGSALE20', amount: 3000 })).toMatchObject({ discount_amount: 600, total_amount: 2400 });
	});

	test('BIGSALE20 never takes more than its amount_limit of 1000', async () => {
		expect(await orderOf({ code: 'BIGSALE20', amount: 10_000 })).toMatchObject({ discount_amount: 1000, total_amount: 9000 });
	});

	test('SAVE5 takes 500 off', async () => {
		expect(await orderOf({ code: 'SAVE5', amount: 2000 })).toMatchObject({ discount_amount: 500, total_amount: 1500 });
	});

	test('SAVE5 never takes more than the order amount', async () => {
		expect(await orderOf({ code: 'SAVE5', amount: 300 })).toMatchObject({ discount_amount: 300, total_amount: 0 });
	});

	test('FREEITEM takes one unit of prod_socks off that line, as an item discount', async () => {
		const order = await orderOf({ code: 'FREEITEM', ...itemParams([SOCKS, TSHIRT]) });
		expect(order).toMatchObject({ amount: 4900, discount_amount: 0, items_discount_amount: 1200, total_discount_amount: 1200, total_amount: 3700 });
		expect(order.items[0]).toMatchObject({ product_id: 'prod_socks', amount: 2400, discount_amount: 1200, subtotal_amount: 1200 });
		expect(order.items[1]).toMatchObject({ product_id: 'prod_tshirt', amount: 2500, discount_amount: 0, subtotal_amount: 2500 });
	});

	test('FREEITEM names prod_socks in applicable_to', async () => {
		const { body } = await validate(target, { code: 'FREEITEM', ...itemParams([SOCKS]) });
		expect(body.applicable_to).toMatchObject({ total: 1, data: [{ object: 'product', id: 'prod_socks' }] });
	});

	test('FREEITEM is not valid for an order without prod_socks', async () => {
		const { status, body } = await validate(target, { code: 'FREEITEM', ...itemParams([TSHIRT]) });
		expect(status).toBe(200);
		expect(body).toMatchObject({ valid: false, code: 'FREEITEM', error: { key: 'order_rules_violated' } });
	});

	test('GIFT50 covers the whole order while its balance lasts', async () => {
		const { body } = await validate(target, { code: 'GIFT50', amount: 2000 });
		expect(body).toMatchObject({ valid: true, gift: { amount: 5000, balance: 5000 } });
		expect(body.order).toMatchObject({ amount: 2000, discount_amount: 2000, total_amount: 0 });
	});

	test('GIFT50 covers no more than its balance', async () => {
		expect(await orderOf({ code: 'GIFT50', amount: 7000 })).toMatchObject({ discount_amount: 5000, total_amount: 2000 });
	});

	test('item amounts default to price × quantity and the order amount to their sum', async () => {
		const order = await orderOf({ code: 'WELCOME10', ...itemParams([SOCKS, TSHIRT]) });
		expect(order.items.map((item) => item.amount)).toEqual([2400, 2500]);
		expect(order).toMatchObject({ amount: 4900, discount_amount: 490, total_amount: 4410 });
	});

	test('a given order amount wins over the sum of the items', async () => {
		expect(await orderOf({ code: 'WELCOME10', amount: 10_000, ...itemParams([SOCKS]) })).toMatchObject({ amount: 10_000, discount_amount: 1000 });
	});

	test('literal and percent-encoded brackets read alike', async () => {
		const literal = await clientCall(target, 'GET', '/validate?code=FREEITEM&item[0][product_id]=prod_socks&item[0][quantity]=1&item[0][price]=1200');
		const encoded = await clientCall(target, 'GET', '/validate?code=FREEITEM&item%5B0%5D%5Bproduct_id%5D=prod_socks&item%5B0%5D%5Bquantity%5D=1&item%5B0%5D%5Bprice%5D=1200');
		expect((literal.body.order as OrderBody).total_discount_amount).toBe(1200);
		expect((encoded.body.order as OrderBody).total_discount_amount).toBe(1200);
	});

	test('a + in the query reads as a space and %2B as a plus', async () => {
		const plus = await clientCall(target, 'GET', '/validate?code=WELCOME10&tracking_id=track_a+b');
		const encoded = await clientCall(target, 'GET', '/validate?code=WELCOME10&tracking_id=track_a%2Bb');
		expect(plus.body.tracking_id).toBe('track_a b');
		expect(encoded.body.tracking_id).toBe('track_a+b');
	});

	test('a LOCK session is echoed with its key', async () => {
		const { body } = await validate(target, { code: 'WELCOME10', amount: 1000, session_type: 'LOCK', session_key: 'ssn_mine', session_ttl: 3, session_ttl_unit: 'HOURS' });
		expect(body.session).toEqual({ key: 'ssn_mine', type: 'LOCK', ttl: 3, ttl_unit: 'HOURS' });
	});

	test('the valid answer names the voucher, its discount and campaign', async () => {
		const { body } = await validate(target, { code: 'WELCOME10', amount: 1000 });
		expect(body).toMatchObject({ valid: true, code: 'WELCOME10', discount: { type: 'PERCENT', percent_off: 10 }, campaign: null, metadata: {} });
	});
});

describe.each(TRANSPORTS)('stackable validation over $transport', ({ use }) => {
	const target = use();
	const stack = (redeemables: Array<{ object: string; id: string }>, order: Record<string, unknown>) =>
		clientCall(target, 'POST', '/validations', { body: { redeemables, order } });

	test('stacked discounts apply in turn, each to what the previous left', async () => {
		const { status, body } = await stack([{ object: 'voucher', id: 'WELCOME10' }, { object: 'voucher', id: 'SAVE5' }], { amount: 10_000 });
		expect(status).toBe(200);
		expect(body.valid).toBe(true);
		expect(body.order).toMatchObject({ amount: 10_000, total_discount_amount: 1500, total_amount: 8500 });
		const redeemables = body.redeemables as Array<{ status: string; id: string; order: OrderBody }>;
		expect(redeemables.map((redeemable) => [redeemable.id, redeemable.status, redeemable.order.applied_discount_amount])).toEqual([
			['WELCOME10', 'APPLICABLE', 1000],
			['SAVE5', 'APPLICABLE', 500],
		]);
	});

	test('a capped percentage stacks at its amount_limit', async () => {
		const { body } = await stack([{ object: 'voucher', id: 'SAVE5' }, { object: 'voucher', id: 'BIGSALE20' }], { amount: 20_500 });
		expect(body.order).toMatchObject({ total_discount_amount: 1500, total_amount: 19_000 });
	});

	test('a promotion tier stacks with a code', async () => {
		const { body } = await stack([{ object: 'promotion_tier', id: 'promo_tier_5off' }, { object: 'voucher', id: 'SAVE5' }], { amount: 6000 });
		expect(body.order).toMatchObject({ total_discount_amount: 800, total_amount: 5200 });
	});

	test('a unit discount and a percent discount stack on items', async () => {
		const { body } = await stack([{ object: 'voucher', id: 'FREEITEM' }, { object: 'voucher', id: 'WELCOME10' }], { items: [SOCKS, TSHIRT] });
		expect(body.order).toMatchObject({ amount: 4900, items_discount_amount: 1200, discount_amount: 370, total_amount: 3330 });
	});

	test('one inapplicable code makes the stack invalid and skips the others', async () => {
		const { status, body } = await stack([{ object: 'voucher', id: 'WELCOME10' }, { object: 'voucher', id: 'EXPIRED' }], { amount: 10_000 });
		expect(status).toBe(200);
		expect(body.valid).toBe(false);
		expect(body.order).toMatchObject({ total_discount_amount: 0, total_amount: 10_000 });
		expect(body.inapplicable_redeemables).toMatchObject([{ id: 'EXPIRED', status: 'INAPPLICABLE', result: { error: { key: 'voucher_expired' } } }]);
		expect(body.skipped_redeemables).toMatchObject([{ id: 'WELCOME10', status: 'SKIPPED' }]);
	});

	test('a gift card stacked after a discount pays what is left', async () => {
		const { body } = await stack([{ object: 'voucher', id: 'SAVE5' }, { object: 'voucher', id: 'GIFT50' }], { amount: 3000 });
		expect(body.order).toMatchObject({ total_discount_amount: 3000, total_amount: 0 });
		expect((body.redeemables as Array<{ result: unknown }>)[1]?.result).toMatchObject({ gift: { balance: 5000, credits: 2500 } });
	});
});

describe.each(TRANSPORTS)('promotions over $transport', ({ use }) => {
	const target = use();

	test('an order of 60.00 qualifies for the 5% tier only', async () => {
		const { body } = await clientCall(target, 'GET', '/promotions/validation?amount=6000');
		expect(body.valid).toBe(true);
		expect(body.promotions).toMatchObject([{ id: 'promo_tier_5off', object: 'promotion_tier', discount_amount: 300, order: { total_amount: 5700 } }]);
	});

	test('an order of 250.00 qualifies for both tiers, in hierarchy order', async () => {
		const { body } = await clientCall(target, 'GET', '/promotions/validation?amount=25000');
		expect((body.promotions as Array<{ id: string; discount_amount: number }>).map(({ id, discount_amount }) => [id, discount_amount])).toEqual([
			['promo_tier_5off', 1250],
			['promo_tier_10off', 1000],
		]);
	});

	test('a small order qualifies for no promotion', async () => {
		const { status, body } = await clientCall(target, 'GET', '/promotions/validation?amount=1000');
		expect(status).toBe(200);
		expect(body).toMatchObject({ valid: false, promotions: [] });
	});

	test('the tiers of Spring Promotions are listed', async () => {
		const { body } = await clientCall(target, 'GET', '/promotions/tiers?is_available=true&limit=10');
		expect(body).toMatchObject({ object: 'list', data_ref: 'tiers', total: 2, has_more: false });
		expect((body.tiers as Array<{ id: string; campaign: { name: string } }>).map((tier) => [tier.id, tier.campaign.name])).toEqual([
			['promo_tier_5off', 'Spring Promotions'],
			['promo_tier_10off', 'Spring Promotions'],
		]);
	});

	test('tiers page by limit and page', async () => {
		const { body } = await clientCall(target, 'GET', '/promotions/tiers?limit=1&page=2');
		expect(body).toMatchObject({ total: 2, has_more: false, tiers: [{ id: 'promo_tier_10off' }] });
	});
});

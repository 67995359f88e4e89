import { describe, expect, test } from 'vitest';
import { clientCall, serverCall, TRANSPORTS, validate } from './support.js';

const UNUSABLE = [
	{ code: 'NOSUCHCODE', key: 'not_found', reason: 'voucher not found' },
	{ code: 'EXPIRED', key: 'voucher_expired', reason: 'voucher expired' },
	{ code: 'NOTYET', key: 'voucher_not_active', reason: 'voucher not active' },
	{ code: 'DISABLED', key: 'voucher_disabled', reason: 'voucher is disabled' },
] as const;

describe.each(TRANSPORTS)('codes that cannot be used, over $transport', ({ use }) => {
	const target = use();

	test.each(UNUSABLE)('$code answers HTTP 200 with valid:false and the reason $reason', async ({ code, key, reason }) => {
		const { status, body } = await validate(target, { code, amount: 1000 });
		expect(status).toBe(200);
		expect(body).toMatchObject({ valid: false, code, reason, error: { key, message: expect.any(String) }, metadata: {} });
		expect(body.tracking_id).toMatch(/^track_/);
		expect(body).not.toHaveProperty('discount');
	});

	test('LASTONE is valid until its one redemption, then answers quantity exceeded', async () => {
		expect((await validate(target, { code: 'LASTONE', amount: 5000 })).body.valid).toBe(true);
		const redemption = await serverCall(target, 'POST', '/vouchers/LASTONE/redemption', { body: { order: { amount: 5000 }, customer: { source_id: 'first-buyer' } } });
		expect(redemption.status).toBe(200);
		const { status, body } = await validate(target, { code: 'LASTONE', amount: 5000 });
		expect(status).toBe(200);
		expect(body).toMatchObject({ valid: false, reason: 'quantity exceeded', error: { key: 'quantity_exceeded' } });
	});

	test('a gift card with no balance left is not valid', async () => {
		await serverCall(target, 'POST', '/vouchers/GIFT50/redemption', { body: { order: { amount: 9000 }, customer: { source_id: 'big-spender' } } });
		const { body } = await validate(target, { code: 'GIFT50', amount: 1000 });
		expect(body).toMatchObject({ valid: false, error: { key: 'gift_amount_exceeded' } });
	});

	test('an unknown promotion tier in a stack is inapplicable', async () => {
		const { body } = await clientCall(target, 'POST', '/validations', { body: { redeemables: [{ object: 'promotion_tier', id: 'promo_nope' }], order: { amount: 9000 } } });
		expect(body).toMatchObject({ valid: false, inapplicable_redeemables: [{ id: 'promo_nope', result: { error: { key: 'not_found' } } }] });
	});

	test('a promotion tier whose minimum the order misses is inapplicable', async () => {
		const { body } = await clientCall(target, 'POST', '/validations', { body: { redeemables: [{ object: 'promotion_tier', id: 'promo_tier_5off' }], order: { amount: 4999 } } });
		expect(body).toMatchObject({ valid: false, inapplicable_redeemables: [{ result: { error: { key: 'order_rules_violated' } } }] });
	});
});

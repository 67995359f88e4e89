import { VoucherifyClientSide, VoucherifyServerSide } from '@voucherify/sdk';
import { describe, expect, test } from 'vitest';
import { MOCK_DEFAULTS } from '../../src/mock/index.js';
import { SHOP_ORIGIN, useHttpMock } from './support.js';

// The official SDK, unchanged, against a started mock: the mock speaks the API the SDK already knows.
describe('the official @voucherify/sdk against the mock', () => {
	const target = useHttpMock();
	const clientSide = () =>
		VoucherifyClientSide({
			clientApplicationId: MOCK_DEFAULTS.clientApplicationId,
			clientSecretKey: MOCK_DEFAULTS.clientToken,
			apiUrl: target.baseUrl,
			// The SDK requires an origin in Node; it sends it as the Origin header.
			origin: SHOP_ORIGIN,
		});
	const serverSide = () => VoucherifyServerSide({ applicationId: MOCK_DEFAULTS.applicationId, secretKey: MOCK_DEFAULTS.secretKey, apiUrl: target.baseUrl });

	test('client-side validate of a code string answers valid with the discount', async () => {
		const answer = await clientSide().validate('WELCOME10');
		expect(answer).toMatchObject({ valid: true, code: 'WELCOME10', discount: { type: 'PERCENT', percent_off: 10 } });
		expect(answer.tracking_id).toMatch(/^track_/);
	});

	test('client-side validate with amount and items (qs-encoded) computes the order', async () => {
		const answer = await clientSide().validate({
			code: 'FREEITEM',
			amount: 4900,
			items: [{ product_id: 'prod_socks', quantity: 2, amount: 2400 }, { product_id: 'prod_tshirt', quantity: 1, amount: 2500 }],
			customer: { source_id: 'track_sdk', metadata: { tier: 'gold' } },
		});
		expect(answer).toMatchObject({ valid: true, tracking_id: 'track_sdk', order: { amount: 4900, items_discount_amount: 1200, total_amount: 3700 } });
	});

	test('client-side validate without a code validates promotions', async () => {
		const answer = await clientSide().validate({ amount: 6000 });
		expect(answer).toMatchObject({ valid: true, promotions: [{ id: 'promo_tier_5off' }] });
	});

	test('server-side redemption merges the visitor into a customer the SDK can read', async () => {
		const validation = await clientSide().validate({ code: 'SAVE5', amount: 3000 });
		const trackingId = String(validation.tracking_id);
		const server = serverSide();
		const redemption = await server.redemptions.redeem('SAVE5', { customer: { object: 'customer', source_id: trackingId, email: 'wes@example.com' }, order: { amount: 3000 } });
		expect(redemption).toMatchObject({ result: 'SUCCESS', order: { total_amount: 2500 }, customer: { source_id: trackingId } });
		const customer = await server.customers.get(trackingId);
		expect(customer).toMatchObject({ email: 'wes@example.com', summary: { redemptions: { total_succeeded: 1 } } });
	});

	test('server-side stacked redemption with a tracking_id works', async () => {
		// The SDK's types leave out the body `tracking_id` the API takes; a variable skips the excess-property check.
		const params = { redeemables: [{ object: 'voucher' as const, id: 'WELCOME10' }], order: { amount: 2000 }, customer: { source_id: 'xena@example.com' }, tracking_id: 'track_stackable' };
		const answer = await serverSide().redemptions.redeemStackable(params);
		expect(answer.redemptions).toHaveLength(1);
		expect(answer.parent_redemption).toMatchObject({ result: 'SUCCESS', tracking_id: 'track_stackable' });
	});

	test('an error reaches the SDK as its VoucherifyError with the API’s key', async () => {
		await expect(serverSide().redemptions.redeem('NOSUCHCODE', { order: { amount: 1000 } })).rejects.toMatchObject({ code: 404, key: 'not_found' });
	});
});

import { describe, expect, test } from 'vitest';
import { officialServer, sdkError } from './sdk-support.js';
import { useHttpMock } from './support.js';

describe('campaigns and the customer wallet, driven by @voucherify/sdk over HTTP', () => {
	const target = useHttpMock();
	const sdk = () => officialServer(target);

	test('a DISCOUNT_COUPONS campaign generates codes by its code_config, publishes one to a new customer, who then holds it', async () => {
		const campaign = await sdk().campaigns.create({
			name: 'Spring',
			campaign_type: 'DISCOUNT_COUPONS',
			type: 'AUTO_UPDATE',
			voucher: { type: 'DISCOUNT_VOUCHER', discount: { type: 'AMOUNT', amount_off: 1000 }, code_config: { prefix: 'SPR-', pattern: '##-##', charset: 'AB' } } as never,
		});
		expect(campaign).toMatchObject({ object: 'campaign', name: 'Spring', campaign_type: 'DISCOUNT_COUPONS', vouchers_count: 0 });
		expect(campaign.id).toMatch(/^camp_/);
		expect((await sdk().campaigns.get(campaign.id)).name).toBe('Spring');

		const publication = await sdk().distributions.publications.create({ customer: { source_id: 'wallet-ann', email: 'ann@example.com' }, campaign: { name: 'Spring' } });
		expect(publication).toMatchObject({ object: 'publication', result: 'SUCCESS', voucher: { campaign: 'Spring', campaign_id: campaign.id, discount: { type: 'AMOUNT', amount_off: 1000 } } });
		expect(publication.voucher.code).toMatch(/^SPR-[AB]{2}-[AB]{2}$/);
		const customer = (await sdk().customers.get('wallet-ann')) as unknown as { id: string; source_id: string; email: string };
		expect(customer).toMatchObject({ source_id: 'wallet-ann', email: 'ann@example.com' });
		expect(publication.customer_id).toBe(customer.id);

		const wallet = (await sdk().customers.listRedeemables(customer.id)) as unknown as { object: string; data: Record<string, unknown>[]; total: number };
		expect(wallet).toMatchObject({ object: 'list', data_ref: 'data', total: 1, has_more: false });
		expect(wallet.data[0]).toMatchObject({ redeemable_object: 'voucher', customer_id: customer.id, holder_role: 'OWNER', campaign_id: campaign.id, campaign_type: 'DISCOUNT_COUPONS', voucher_type: 'DISCOUNT_VOUCHER', redeemable: { type: 'voucher', status: 'ACTIVE', voucher: { code: publication.voucher.code, holder_id: customer.id } } });
	});

	test('a GIFT_VOUCHERS campaign publishes gift cards; the fixture campaign and unknown campaigns keep their answers', async () => {
		await sdk().campaigns.create({ name: 'Gifts', campaign_type: 'GIFT_VOUCHERS', type: 'AUTO_UPDATE', voucher: { type: 'GIFT_VOUCHER', gift: { amount: 5000 } } as never });
		const gift = await sdk().distributions.publications.create({ customer: { source_id: 'wallet-bob' }, campaign: { name: 'Gifts' } });
		expect(gift.voucher).toMatchObject({ type: 'GIFT_VOUCHER', gift: { amount: 5000, balance: 5000 } });
		const fixture = await sdk().distributions.publications.create({ customer: { source_id: 'wallet-bob' }, campaign: { name: 'Welcome Codes' } } as never);
		expect(fixture.voucher.code).toMatch(/^WELCOME-/);
		const wallet = (await sdk().customers.listRedeemables('wallet-bob')) as unknown as { total: number };
		expect(wallet.total).toBe(2);
		const missing = await sdkError(sdk().campaigns.get('no-such-campaign'));
		expect(missing).toMatchObject({ code: 404, details: 'Cannot find campaign with id no-such-campaign' });
	});

	test('delete removes the campaign and its codes', async () => {
		const campaign = await sdk().campaigns.create({ name: 'Gone', campaign_type: 'DISCOUNT_COUPONS', type: 'AUTO_UPDATE', vouchers_count: 2, voucher: { type: 'DISCOUNT_VOUCHER', discount: { type: 'PERCENT', percent_off: 5 } } as never } as never);
		expect(campaign.vouchers_count).toBe(2);
		await sdk().campaigns.delete(campaign.id);
		expect((await sdkError(sdk().campaigns.get(campaign.id))).code).toBe(404);
		expect(target.api.snapshot().vouchers.filter((voucher) => voucher.campaign_id === campaign.id)).toEqual([]);
	});
});

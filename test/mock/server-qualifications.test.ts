import { describe, expect, test } from 'vitest';
import { createCustomer, officialServer, sdkError } from './sdk-support.js';
import { useHttpMock } from './support.js';

type Qualified = { id: string; object: string; status: string; order: Record<string, unknown>; categories: unknown[]; name?: string; campaign_name?: string | null } & Record<string, unknown>;
type Answer = { redeemables: { data: Qualified[]; total: number }; order: Record<string, unknown> };

describe('server-side qualifications through @voucherify/sdk over HTTP', () => {
	const target = useHttpMock();
	const sdk = () => officialServer(target);
	const check = async (body: Record<string, unknown>) => (await sdk().qualifications.checkEligibility(body as never)) as unknown as Answer;

	test('options.filters.code.conditions.$in limits the answer to those codes', async () => {
		const answer = await check({ scenario: 'ALL', order: { amount: 10000 }, options: { filters: { code: { conditions: { $in: ['SAVE5'] } } } } });
		expect(answer.redeemables.data.map(({ id, object, status }) => [id, object, status])).toEqual([['SAVE5', 'voucher', 'APPLICABLE']]);
		expect(answer.redeemables.total).toBe(1);
	});

	test('each redeemable carries result, its order with customer_id, referrer_id and object, applicable_to, inapplicable_to, metadata and categories', async () => {
		const customer = await createCustomer(sdk(), { source_id: 'qual-ann' });
		const answer = await check({ customer: { id: customer.id }, order: { amount: 10000 }, options: { filters: { code: { conditions: { $in: ['SAVE5'] } } } } });
		const [save5] = answer.redeemables.data;
		expect(save5).toMatchObject({
			id: 'SAVE5',
			object: 'voucher',
			status: 'APPLICABLE',
			result: { discount: { type: 'AMOUNT', amount_off: 500 } },
			order: { amount: 10000, total_discount_amount: 500, total_amount: 9500, customer_id: customer.id, referrer_id: null, object: 'order' },
			applicable_to: { object: 'list', data_ref: 'data', data: [], total: 0 },
			inapplicable_to: { object: 'list', data_ref: 'data', data: [], total: 0 },
			metadata: {},
			categories: [],
		});
		expect(save5 && ('name' in save5 || 'campaign_name' in save5)).toBe(false);
		expect(answer.order).toMatchObject({ amount: 10000, customer_id: customer.id, referrer_id: null, object: 'order' });
	});

	test('an anonymous visitor’s order has customer_id null; options.expand redeemable adds name and campaign_name', async () => {
		const answer = await check({ tracking_id: 'track_nobody', order: { amount: 10000 }, options: { expand: ['redeemable'] } });
		const tier = answer.redeemables.data.find((entry) => entry.id === 'promo_tier_5off');
		expect(tier).toMatchObject({ object: 'promotion_tier', name: '5% off', campaign_name: 'Spring Promotions', campaign_id: 'camp_spring_promotions', order: { customer_id: null, referrer_id: null, object: 'order' } });
		const voucher = (await check({ order: { amount: 10000 }, options: { expand: ['redeemable', 'category'], filters: { code: { conditions: { $in: ['GIFT50'] } } } } })).redeemables.data[0];
		expect(voucher).toMatchObject({ id: 'GIFT50', name: 'GIFT50', campaign_name: null, categories: [] });
	});

	test('an expand the API does not know answers 400 invalid_payload naming it', async () => {
		expect(await sdkError(check({ order: { amount: 100 }, options: { expand: ['everything'] } }))).toMatchObject({ code: 400, key: 'invalid_payload', details: 'options.expand[0] must be one of redeemable, category, validation_rules' });
		expect(await sdkError(check({ order: { amount: 100 }, options: { expand: 'redeemable' } }))).toMatchObject({ code: 400, key: 'invalid_payload', details: 'options.expand must be a list' });
	});
});

import { describe, expect, test } from 'vitest';
import { officialServer, sdkError } from './sdk-support.js';
import { useHttpMock } from './support.js';

describe('validation rules attached at voucher creation, as @voucherify/sdk writes them, over HTTP', () => {
	const target = useHttpMock();
	const sdk = () => officialServer(target);

	test('an underscore rule attached at creation refuses a non-member with the rule message in error.message, and admits a member', async () => {
		const segment = await sdk().segments.create({ name: 'VIP', type: 'static', customers: [] } as never);
		const rule = await sdk().validationRules.create({ name: 'VIP only', rules: { '1': { name: 'customer_segment', conditions: { $is: [segment.id] } } }, error: { message: 'Only for VIPs' } } as never);
		await sdk().vouchers.create({ code: 'VIP-ONLY', type: 'DISCOUNT_VOUCHER', discount: { type: 'AMOUNT', amount_off: 100 }, validation_rules: [rule.id] } as never);
		const refused = (await sdkError(sdk().redemptions.redeem('VIP-ONLY', { customer: { source_id: 'rule-bob' }, order: { amount: 1000 } } as never))) as unknown as Record<string, unknown>;
		expect(refused).toMatchObject({ code: 400, key: 'customer_rules_violated', message: 'Customer does not match validation rules', error: { message: 'Only for VIPs' } });

		const member = (await sdk().customers.create({ source_id: 'rule-vip' })) as unknown as { id: string };
		const vip = await sdk().segments.create({ name: 'VIP 2', type: 'static', customers: [member.id] } as never);
		const memberRule = await sdk().validationRules.create({ name: 'VIP 2 only', rules: { '1': { name: 'customer_segment', conditions: { $is: [vip.id] } } } } as never);
		await sdk().vouchers.create({ code: 'VIP-TWO', type: 'DISCOUNT_VOUCHER', discount: { type: 'AMOUNT', amount_off: 100 }, validation_rules: [memberRule.id] } as never);
		expect(await sdk().redemptions.redeem('VIP-TWO', { customer: { source_id: 'rule-vip' }, order: { amount: 1000 } } as never)).toMatchObject({ result: 'SUCCESS' });
	});

	test('a rule naming a segment that does not exist is accepted and never matches', async () => {
		const rule = await sdk().validationRules.create({ name: 'Ghost', rules: { '1': { name: 'customer_segment', conditions: { $is: ['seg_doesnotexist'] } } } } as never);
		await sdk().vouchers.create({ code: 'GHOST', type: 'DISCOUNT_VOUCHER', discount: { type: 'AMOUNT', amount_off: 100 }, validation_rules: [rule.id] } as never);
		expect(await sdkError(sdk().redemptions.redeem('GHOST', { customer: { source_id: 'rule-ann' }, order: { amount: 1000 } } as never))).toMatchObject({ code: 400, key: 'customer_rules_violated' });
		expect((await sdkError(sdk().vouchers.create({ code: 'NO-RULE', type: 'DISCOUNT_VOUCHER', discount: { type: 'AMOUNT', amount_off: 1 }, validation_rules: ['val_missing'] } as never))).code).toBe(404);
		expect(target.api.snapshot().vouchers.some((voucher) => voucher.code === 'NO-RULE')).toBe(false);
	});
});

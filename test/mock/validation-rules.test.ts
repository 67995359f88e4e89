import { describe, expect, test } from 'vitest';
import { createCustomer, officialServer, sdkError } from './sdk-support.js';
import { clientCall, serverCall, TRANSPORTS, validate } from './support.js';

// Customer validation rules (customer.segment, customer.metadata) assigned to vouchers, campaigns and
// promotion tiers, evaluated in every validate form and every redemption against the customer the call resolves to.
describe.each(TRANSPORTS)('customer validation rules over $transport', ({ use }) => {
	const target = use();
	const sdk = () => officialServer(target);

	/** A "Gold" auto-update segment, one gold customer owning `track_gold`, and a rule requiring the segment. */
	async function goldOnly(assignment: { voucher?: string; campaign?: string; promotion_tier?: string }) {
		const segment = await sdk().segments.create({ name: 'Gold', type: 'auto-update', filter: { 'metadata.tier': { conditions: { $is: ['gold'] } } } });
		await createCustomer(sdk(), { source_id: 'track_gold', metadata: { tier: 'gold' } });
		const rule = await sdk().validationRules.create({ name: 'Gold only', rules: { '1': { name: 'customer.segment', conditions: { $is: [segment.id] } }, logic: '1' } });
		const assigned = await sdk().validationRules.createAssignment(rule.id, assignment);
		return { segment, rule, assigned };
	}

	test('a rule and its assignment are answered in the API shape', async () => {
		const { rule, assigned } = await goldOnly({ voucher: 'WELCOME10' });
		expect(rule).toMatchObject({ object: 'validation_rules', name: 'Gold only' });
		expect(rule.id).toMatch(/^val_/);
		expect(assigned).toMatchObject({ object: 'validation_rules_assignment', rule_id: rule.id, related_object_type: 'voucher', related_object_id: 'WELCOME10' });
		expect(await sdk().validationRules.get(rule.id)).toMatchObject({ id: rule.id, rules: { logic: '1' } });
		expect((await sdk().validationRules.listAssignments(rule.id)).data).toHaveLength(1);
	});

	test('validate a code: an anonymous visitor is refused with customer_rules_violated, a segment member is not', async () => {
		await goldOnly({ voucher: 'WELCOME10' });
		const anonymous = await validate(target, { code: 'WELCOME10', amount: 1000 });
		expect(anonymous.body).toMatchObject({ valid: false, code: 'WELCOME10', error: { key: 'customer_rules_violated' } });
		expect((await validate(target, { code: 'WELCOME10', amount: 1000, tracking_id: 'track_gold' })).body).toMatchObject({ valid: true });
		expect((await validate(target, { code: 'SAVE5', amount: 1000 })).body).toMatchObject({ valid: true });
	});

	test('validate promotions: a tier with a rule is left out for a visitor outside the segment', async () => {
		await goldOnly({ promotion_tier: 'promo_tier_5off' });
		const tiers = async (trackingId: string) => {
			const { body } = await clientCall<{ promotions: { id: string }[] }>(target, 'GET', `/promotions/validation?amount=30000&tracking_id=${trackingId}`);
			return body.promotions.map(({ id }) => id);
		};
		expect(await tiers('track_stranger')).toEqual(['promo_tier_10off']);
		expect(await tiers('track_gold')).toEqual(['promo_tier_5off', 'promo_tier_10off']);
	});

	test('validate a stack: the redeemable under a rule is INAPPLICABLE with customer_rules_violated', async () => {
		await goldOnly({ campaign: 'camp_spring_promotions' });
		const body = { redeemables: [{ object: 'voucher', id: 'SAVE5' }, { object: 'promotion_tier', id: 'promo_tier_5off' }], order: { amount: 10_000 } };
		const anonymous = await clientCall<{ valid: boolean; redeemables: { id: string; status: string; result: { error?: { key: string } } }[] }>(target, 'POST', '/validations', { body });
		expect(anonymous.body.valid).toBe(false);
		expect(anonymous.body.redeemables[1]).toMatchObject({ id: 'promo_tier_5off', status: 'INAPPLICABLE', result: { error: { key: 'customer_rules_violated' } } });
		const member = await clientCall(target, 'POST', '/validations', { body: { ...body, tracking_id: 'track_gold' } });
		expect(member.body.valid).toBe(true);
	});

	test('redeem: a customer outside the segment gets 400 customer_rules_violated, a member redeems', async () => {
		await goldOnly({ voucher: 'SAVE5' });
		await createCustomer(sdk(), { source_id: 'silvia', metadata: { tier: 'silver' } });
		const refused = await sdkError(sdk().redemptions.redeem('SAVE5', { customer: { object: 'customer', source_id: 'silvia' }, order: { amount: 2000 } }));
		expect(refused).toMatchObject({ code: 400, key: 'customer_rules_violated' });
		const redeemed = await sdk().redemptions.redeem('SAVE5', { customer: { object: 'customer', source_id: 'track_gold' }, order: { amount: 2000 } });
		expect(redeemed).toMatchObject({ result: 'SUCCESS' });
		const stacked = await sdkError(sdk().redemptions.redeemStackable({ redeemables: [{ object: 'voucher', id: 'SAVE5' }], customer: { source_id: 'silvia' }, order: { amount: 2000 } }));
		expect(stacked).toMatchObject({ code: 400, key: 'customer_rules_violated' });
	});

	test('client-side redemption and qualifications evaluate the rules too', async () => {
		await goldOnly({ voucher: 'SAVE5' });
		const refused = await clientCall(target, 'POST', '/redeem?code=SAVE5', { body: { customer: { source_id: 'track_stranger' }, order: { amount: 2000 } } });
		expect(refused).toMatchObject({ status: 400, body: { key: 'customer_rules_violated' } });
		const redeemed = await clientCall(target, 'POST', '/redemptions', { body: { redeemables: [{ object: 'voucher', id: 'SAVE5' }], customer: { source_id: 'track_gold' }, order: { amount: 2000 } } });
		expect(redeemed.status).toBe(200);
		await goldOnly({ promotion_tier: 'promo_tier_5off' });
		const qualified = async (trackingId: string) => {
			const { body } = await clientCall<{ redeemables: { data: { id: string }[] } }>(target, 'POST', '/qualifications', { body: { order: { amount: 10_000 }, tracking_id: trackingId } });
			return body.redeemables.data.map(({ id }) => id);
		};
		expect(await qualified('track_stranger')).not.toContain('promo_tier_5off');
		expect(await qualified('track_gold')).toContain('promo_tier_5off');
	});

	test('a customer who joins the segment can use the code from the next call on', async () => {
		await goldOnly({ voucher: 'WELCOME10' });
		await createCustomer(sdk(), { source_id: 'track_newbie' });
		expect((await validate(target, { code: 'WELCOME10', tracking_id: 'track_newbie' })).body.valid).toBe(false);
		await serverCall(target, 'PUT', '/customers/track_newbie', { body: { metadata: { tier: 'gold' } } });
		expect((await validate(target, { code: 'WELCOME10', tracking_id: 'track_newbie' })).body.valid).toBe(true);
	});

	test('customer.metadata rules with a property, combined by logic', async () => {
		const rule = await sdk().validationRules.create({
			name: 'Germans or VIPs',
			rules: {
				'1': { name: 'customer.metadata', property: 'country', conditions: { $is: ['DE'] } },
				'2': { name: 'customer.metadata', property: 'vip', conditions: { $is: [true] } },
				logic: '1 or 2',
			},
		});
		await sdk().validationRules.createAssignment(rule.id, { voucher: 'SAVE5' });
		await createCustomer(sdk(), { source_id: 'track_de', metadata: { country: 'DE' } });
		await createCustomer(sdk(), { source_id: 'track_fr', metadata: { country: 'FR' } });
		await createCustomer(sdk(), { source_id: 'track_vip', metadata: { country: 'FR', vip: true } });
		const valid = async (trackingId: string) => (await validate(target, { code: 'SAVE5', tracking_id: trackingId })).body.valid;
		expect([await valid('track_de'), await valid('track_fr'), await valid('track_vip')]).toEqual([true, false, true]);
		// The call's own customer metadata counts too, as the request describes the customer.
		expect((await validate(target, { code: 'SAVE5', tracking_id: 'track_anon', 'customer[metadata][country]': 'DE' })).body.valid).toBe(true);
	});

	test('$is_not on segments excludes members', async () => {
		const segment = await sdk().segments.create({ name: 'Staff', type: 'auto-update', filter: { email: { conditions: { $ends_with: ['@shop.test'] } } } });
		const rule = await sdk().validationRules.create({ name: 'No staff', rules: { '1': { name: 'customer.segment', conditions: { $is_not: [segment.id] } } } });
		await sdk().validationRules.createAssignment(rule.id, { voucher: 'SAVE5' });
		await createCustomer(sdk(), { source_id: 'track_staff', email: 'max@shop.test' });
		expect((await validate(target, { code: 'SAVE5', tracking_id: 'track_staff' })).body).toMatchObject({ valid: false, error: { key: 'customer_rules_violated' } });
		expect((await validate(target, { code: 'SAVE5', tracking_id: 'track_anyone' })).body.valid).toBe(true);
	});

	test('an unknown rule name, a bad logic or an unknown target answers an error naming it', async () => {
		const name = await sdkError(sdk().validationRules.create({ name: 'x', rules: { '1': { name: 'order.amount', conditions: { $more_than: [1] } } } }));
		expect(name).toMatchObject({ code: 400, key: 'invalid_payload' });
		expect(name.details).toContain('order.amount');
		const logic = await sdkError(sdk().validationRules.create({ name: 'x', rules: { '1': { name: 'customer.metadata', property: 'a', conditions: { $is: ['b'] } }, logic: '1 and 2' } }));
		expect(logic.details).toContain('rule 2');
		const rule = await sdk().validationRules.create({ name: 'x', rules: { '1': { name: 'customer.metadata', property: 'a', conditions: { $is: ['b'] } } } });
		expect(await sdkError(sdk().validationRules.createAssignment(rule.id, { voucher: 'NOSUCH' }))).toMatchObject({ code: 404, key: 'not_found' });
	});

	test('deleting the assignment or the rule lifts it', async () => {
		const { rule, assigned } = await goldOnly({ voucher: 'WELCOME10' });
		await sdk().validationRules.deleteAssignment(rule.id, assigned.id);
		expect((await validate(target, { code: 'WELCOME10' })).body.valid).toBe(true);
		await sdk().validationRules.createAssignment(rule.id, { voucher: 'WELCOME10' });
		expect((await validate(target, { code: 'WELCOME10' })).body.valid).toBe(false);
		await sdk().validationRules.delete(rule.id);
		expect((await validate(target, { code: 'WELCOME10' })).body.valid).toBe(true);
	});
});

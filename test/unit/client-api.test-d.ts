import { describe, expectTypeOf, test } from 'vitest';
import {
	calculateDiscount,
	calculatePrice,
	createClient,
	type ConsentChoices,
	type ConsentList,
	type Customer,
	type CustomerInput,
	type ListPromotionTiersParams,
	type ListVouchersParams,
	type PricedVoucher,
	type PromotionTier,
	type PromotionTierList,
	type PublicationResult,
	type PublishParams,
	type QualificationsParams,
	type QualificationsResult,
	type RedeemParams,
	type RedemptionResult,
	type RequestOptions,
	type StackableParams,
	type StackableRedemptionResult,
	type StackableValidationResult,
	type TrackedEvent,
	type TrackParams,
	type ValidateParams,
	type ValidationResult,
	type Voucher,
	type VoucherList,
} from '../../src/index.js';

/** The parameters and results of every client method, and the helpers voucherify.js users call. */

const client = createClient({ clientApplicationId: 'app', clientToken: 'token' });
const signal = new AbortController().signal;

describe('validate and validateStackable', () => {
	test('validate(codeOrParams, options?) → Promise<ValidationResult>', () => {
		expectTypeOf(client.validate).parameters.toEqualTypeOf<[string | ValidateParams, RequestOptions?]>();
		expectTypeOf(client.validate).returns.toEqualTypeOf<Promise<ValidationResult>>();
	});

	test('validateStackable(params, options?) → Promise<StackableValidationResult>', () => {
		expectTypeOf(client.validateStackable).parameters.toEqualTypeOf<[StackableParams, RequestOptions?]>();
		expectTypeOf(client.validateStackable).returns.toEqualTypeOf<Promise<StackableValidationResult>>();
	});
});

describe('redeem and redeemStackable', () => {
	test('redeem(code, params?, options?) → Promise<RedemptionResult>', () => {
		expectTypeOf(client.redeem).parameters.toEqualTypeOf<[string, RedeemParams?, RequestOptions?]>();
		expectTypeOf(client.redeem).returns.toEqualTypeOf<Promise<RedemptionResult>>();
		expectTypeOf(client.redeem('CODE', { order: { amount: 1000 } }, { signal })).toEqualTypeOf<Promise<RedemptionResult>>();
	});

	test('a redemption has result SUCCESS | FAILURE and an optional voucher', () => {
		expectTypeOf<RedemptionResult['result']>().toEqualTypeOf<'SUCCESS' | 'FAILURE'>();
		expectTypeOf<RedemptionResult['voucher']>().toEqualTypeOf<Voucher | undefined>();
		expectTypeOf<RedemptionResult['object']>().toEqualTypeOf<'redemption'>();
	});

	test('redeem takes the code first and refuses a params object in its place', () => {
		// @ts-expect-error the code is its own argument, as in voucherify.js
		void client.redeem({ code: 'CODE' });
		// @ts-expect-error order.amount is a number of minor units
		void client.redeem('CODE', { order: { amount: '10.00' } });
	});

	test('redeemStackable(params, options?) → Promise<StackableRedemptionResult> with redemptions and parent_redemption', () => {
		expectTypeOf(client.redeemStackable).parameters.toEqualTypeOf<[StackableParams, RequestOptions?]>();
		expectTypeOf(client.redeemStackable).returns.toEqualTypeOf<Promise<StackableRedemptionResult>>();
		expectTypeOf<StackableRedemptionResult['redemptions']>().toEqualTypeOf<RedemptionResult[]>();
		expectTypeOf<StackableRedemptionResult['parent_redemption']>().toEqualTypeOf<RedemptionResult | undefined>();
	});
});

describe('publish and track', () => {
	test('publish(campaign, params?, options?) → Promise<PublicationResult> with a voucher', () => {
		expectTypeOf(client.publish).parameters.toEqualTypeOf<[string, PublishParams?, RequestOptions?]>();
		expectTypeOf(client.publish).returns.toEqualTypeOf<Promise<PublicationResult>>();
		expectTypeOf<PublicationResult['voucher']>().toEqualTypeOf<Voucher>();
		expectTypeOf<Voucher['code']>().toEqualTypeOf<string>();
	});

	test('publish refuses a campaign given as an object', () => {
		// @ts-expect-error the campaign is its name (or id) as a string
		void client.publish({ name: 'Welcome Codes' });
	});

	test('track(event, { customer, metadata, referral, loyalty }?, options?) → Promise<TrackedEvent>', () => {
		expectTypeOf(client.track).parameters.toEqualTypeOf<[string, TrackParams?, RequestOptions?]>();
		expectTypeOf(client.track).returns.toEqualTypeOf<Promise<TrackedEvent>>();
		expectTypeOf<TrackParams>().toEqualTypeOf<{
			customer?: CustomerInput;
			metadata?: Record<string, unknown>;
			referral?: { code?: string; referrer_id?: string };
			loyalty?: { code?: string };
		}>();
		expectTypeOf<TrackedEvent['object']>().toEqualTypeOf<'event'>();
	});

	test("track takes one params object, not voucherify.js's (event, metadata, customer) positions", () => {
		// @ts-expect-error the third argument is the request options
		void client.track('signup', { metadata: {} }, { source_id: 'crm-42' });
	});
});

describe('customers and consents', () => {
	test('createCustomer(customer, { doubleOptIn } | enableDoubleOptIn?, options?) → Promise<Customer>', () => {
		expectTypeOf(client.createCustomer).parameters.toEqualTypeOf<[CustomerInput, ({ doubleOptIn?: boolean } | boolean)?, RequestOptions?]>();
		expectTypeOf(client.createCustomer).returns.toEqualTypeOf<Promise<Customer>>();
		expectTypeOf<Customer['id']>().toEqualTypeOf<string>();
	});

	test("createCustomer takes @voucherify/sdk's boolean in place of { doubleOptIn }, and nothing else", () => {
		void client.createCustomer({ email: 'a@b.c' }, true);
		// @ts-expect-error double opt-in is `{ doubleOptIn: true }` or `true`
		void client.createCustomer({ email: 'a@b.c' }, 'yes');
	});

	test('listConsents(options?) → Promise<ConsentList>', () => {
		expectTypeOf(client.listConsents).parameters.toEqualTypeOf<[RequestOptions?]>();
		expectTypeOf(client.listConsents).returns.toEqualTypeOf<Promise<ConsentList>>();
	});

	test('updateConsents(customer | undefined, consents, options?) → Promise<void>', () => {
		expectTypeOf(client.updateConsents).parameters.toEqualTypeOf<[string | undefined, ConsentChoices, RequestOptions?]>();
		expectTypeOf(client.updateConsents).returns.toEqualTypeOf<Promise<void>>();
		expectTypeOf<ConsentChoices>().toEqualTypeOf<Record<string, boolean>>();
	});

	test('updateConsents refuses a consent value that is not a boolean, and a missing customer argument', () => {
		// @ts-expect-error a consent is true or false
		void client.updateConsents(undefined, { cnst_newsletter: 'yes' });
		// @ts-expect-error the customer argument comes first, even when it is undefined
		void client.updateConsents({ cnst_newsletter: true });
	});
});

describe('qualifications and lists', () => {
	test('qualifications(params?, options?) → Promise<QualificationsResult>', () => {
		expectTypeOf(client.qualifications).parameters.toEqualTypeOf<[QualificationsParams?, RequestOptions?]>();
		expectTypeOf(client.qualifications).returns.toEqualTypeOf<Promise<QualificationsResult>>();
	});

	test('listVouchers(params?, options?) → Promise<VoucherList>', () => {
		expectTypeOf(client.listVouchers).parameters.toEqualTypeOf<[ListVouchersParams?, RequestOptions?]>();
		expectTypeOf(client.listVouchers).returns.toEqualTypeOf<Promise<VoucherList>>();
		expectTypeOf<VoucherList['vouchers']>().toEqualTypeOf<Voucher[]>();
	});

	test('listVouchers refuses an unknown filter and a limit given as a string', () => {
		// @ts-expect-error status is not a filter
		void client.listVouchers({ status: 'ACTIVE' });
		// @ts-expect-error limit is a number
		void client.listVouchers({ limit: '10' });
	});

	test('listPromotionTiers(params?, options?) → Promise<PromotionTierList> with tiers', () => {
		expectTypeOf(client.listPromotionTiers).parameters.toEqualTypeOf<[ListPromotionTiersParams?, RequestOptions?]>();
		expectTypeOf(client.listPromotionTiers).returns.toEqualTypeOf<Promise<PromotionTierList>>();
		expectTypeOf<PromotionTierList['tiers']>().toEqualTypeOf<PromotionTier[]>();
	});

	test('listPromotionTiers accepts only the documented orderings and a boolean is_available', () => {
		void client.listPromotionTiers({ order: '-created_at', is_available: true });
		// @ts-expect-error order is created_at or updated_at, optionally descending
		void client.listPromotionTiers({ order: 'name' });
		// @ts-expect-error is_available is a boolean
		void client.listPromotionTiers({ is_available: 'true' });
	});
});

describe('price helpers', () => {
	test('calculatePrice and calculateDiscount take (basePrice, voucher, unitPrice?) and return a number', () => {
		expectTypeOf(calculatePrice).parameters.toEqualTypeOf<[number, PricedVoucher, number?]>();
		expectTypeOf(calculatePrice).returns.toEqualTypeOf<number>();
		expectTypeOf(calculateDiscount).parameters.toEqualTypeOf<[number, PricedVoucher, number?]>();
		expectTypeOf(calculateDiscount).returns.toEqualTypeOf<number>();
	});

	test('accept a validation result as the voucher', async () => {
		const result = await client.validate('CODE');
		if (result.valid) expectTypeOf(calculatePrice).toBeCallableWith(49.99, result);
	});

	test('refuse a price given as a string', () => {
		// @ts-expect-error prices are numbers in major units
		calculatePrice('49.99', { discount: { type: 'PERCENT', percent_off: 10 } });
	});
});

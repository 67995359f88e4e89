import type { CampaignDefinition } from './domain/vouchers/campaigns.js';
import type { Consent } from './domain/customers/consents.js';
import type { VoucherDefinition } from './domain/vouchers/voucher.js';

/** Freezes a fixture all the way down, so no caller can change the defaults of every other instance. */
function deepFreeze<T>(value: T): T {
	if (typeof value === 'object' && value !== null) {
		for (const nested of Object.values(value)) deepFreeze(nested);
		Object.freeze(value);
	}
	return value;
}

/**
 * The vouchers every mock starts with, unless the `vouchers` option replaces them. Amounts are in
 * minor units: `SAVE5` takes 500 (5.00) off.
 *
 * @example
 * ```ts
 * import { createMockApi, DEFAULT_VOUCHERS } from 'voucherify-browser/mock';
 * const api = createMockApi({ vouchers: [...DEFAULT_VOUCHERS, { code: 'VIP', discount: { type: 'PERCENT', percent_off: 30 } }] });
 * ```
 */
export const DEFAULT_VOUCHERS: readonly VoucherDefinition[] = deepFreeze([
	{ code: 'WELCOME10', category: 'welcome', discount: { type: 'PERCENT', percent_off: 10 } },
	{ code: 'BIGSALE20', discount: { type: 'PERCENT', percent_off: 20, amount_limit: 1000 } },
	{ code: 'SAVE5', discount: { type: 'AMOUNT', amount_off: 500 } },
	{ code: 'FREEITEM', discount: { type: 'UNIT', unit_off: 1, unit_type: 'prod_socks' } },
	{ code: 'GIFT50', gift: { amount: 5000 } },
	{ code: 'EXPIRED', discount: { type: 'PERCENT', percent_off: 10 }, start_date: '2020-01-01T00:00:00.000Z', expiration_date: '2020-12-31T23:59:59.000Z' },
	{ code: 'NOTYET', discount: { type: 'PERCENT', percent_off: 10 }, start_date: '2099-01-01T00:00:00.000Z' },
	{ code: 'DISABLED', discount: { type: 'PERCENT', percent_off: 10 }, active: false },
	{ code: 'LASTONE', discount: { type: 'AMOUNT', amount_off: 1000 }, redemption: { quantity: 1 } },
]);

/** The promotion campaign behind `/promotions/validation` and `/promotions/tiers`. */
export const SPRING_PROMOTIONS: CampaignDefinition = deepFreeze({
	id: 'camp_spring_promotions',
	name: 'Spring Promotions',
	campaign_type: 'PROMOTION',
	description: 'Discounts applied without a code when the order qualifies',
	tiers: [
		{ id: 'promo_tier_5off', name: '5% off', banner: '5% off orders of 50.00 or more', discount: { type: 'PERCENT', percent_off: 5 }, min_order_amount: 5000, hierarchy: 1 },
		{ id: 'promo_tier_10off', name: '10.00 off', banner: '10.00 off orders of 200.00 or more', discount: { type: 'AMOUNT', amount_off: 1000 }, min_order_amount: 20000, hierarchy: 2 },
	],
});

/** The campaign `POST /client/v1/publish?campaign=Welcome Codes` publishes single-use 15% codes from. */
export const WELCOME_CODES: CampaignDefinition = deepFreeze({
	id: 'camp_welcome_codes',
	name: 'Welcome Codes',
	campaign_type: 'DISCOUNT_COUPONS',
	description: 'A single-use 15% code for each visitor who asks for one',
	voucher: { discount: { type: 'PERCENT', percent_off: 15 }, code_prefix: 'WELCOME-', code_length: 8, redemption_quantity: 1 },
});

/** The fixed campaigns of every mock. */
export const DEFAULT_CAMPAIGNS: readonly CampaignDefinition[] = deepFreeze([SPRING_PROMOTIONS, WELCOME_CODES]);

/** The marketing consents of every mock, besides `unsubscribed`. */
export const DEFAULT_CONSENTS: readonly Consent[] = deepFreeze([
	{ id: 'cnst_newsletter', object: 'consent', name: 'Newsletter', description: 'Weekly offers by email', category: 'marketing', created_at: '2024-01-01T00:00:00.000Z' },
	{ id: 'cnst_sms', object: 'consent', name: 'SMS', description: 'Offers by text message', category: 'marketing', created_at: '2024-01-01T00:00:00.000Z' },
]);

import type { Discount } from '../orders/benefits.js';
import type { RedeemableFailure } from '../shared/errors.js';
import type { Metadata, Order } from '../orders/order.js';

/** A promotion tier: a discount applied without a code when the order qualifies. */
export interface PromotionTierDefinition {
	readonly id: string;
	readonly name: string;
	readonly banner: string;
	readonly discount: Discount;
	/** The tier applies to orders of at least this amount (minor units). */
	readonly min_order_amount: number;
	/** Lower comes first. */
	readonly hierarchy: number;
}

/** How a campaign's codes are generated: `pattern` (`#` is one symbol of `charset`) wins over `length`. */
export interface CodeConfig {
	readonly prefix?: string;
	readonly suffix?: string;
	readonly length?: number;
	readonly charset?: string;
	readonly pattern?: string;
}

/** The template of the vouchers a publication creates: a discount (coupons) or gift credits (gift cards). */
export interface VoucherTemplate {
	readonly discount?: Discount;
	readonly gift?: { readonly amount: number };
	readonly code_prefix: string;
	readonly code_length: number;
	readonly code_config?: CodeConfig;
	/** How many times each published voucher may be redeemed. */
	readonly redemption_quantity: number | null;
}

/** A campaign: promotion tiers (`PROMOTION`), published codes (`DISCOUNT_COUPONS`) or gift cards (`GIFT_VOUCHERS`). */
export interface CampaignDefinition {
	readonly id: string;
	readonly name: string;
	readonly campaign_type: 'PROMOTION' | 'DISCOUNT_COUPONS' | 'GIFT_VOUCHERS';
	readonly description: string;
	readonly tiers?: readonly PromotionTierDefinition[];
	readonly voucher?: VoucherTemplate;
	/** Set on campaigns created through `POST /v1/campaigns`; fixture campaigns have none. */
	readonly created_at?: string;
	readonly metadata?: Metadata;
}

/** A campaign as the API answers it. */
export interface Campaign {
	readonly id: string;
	readonly object: 'campaign';
	readonly name: string;
	readonly campaign_type: CampaignDefinition['campaign_type'];
	readonly type: 'AUTO_UPDATE';
	readonly description: string;
	readonly active: true;
	readonly start_date: null;
	readonly expiration_date: null;
	readonly metadata: Metadata;
}

/** A promotion tier as the API answers it. */
export interface PromotionTier {
	readonly id: string;
	readonly object: 'promotion_tier';
	readonly name: string;
	readonly banner: string;
	readonly action: { readonly discount: Discount };
	readonly hierarchy: number;
	readonly active: true;
	readonly start_date: null;
	readonly expiration_date: null;
	readonly metadata: Metadata;
	readonly campaign: { readonly id: string; readonly object: 'campaign'; readonly name: string; readonly active: true };
	readonly campaign_id: string;
}

/** Presents a campaign. */
export const presentCampaign = (campaign: CampaignDefinition): Campaign => ({
	id: campaign.id,
	object: 'campaign',
	name: campaign.name,
	campaign_type: campaign.campaign_type,
	type: 'AUTO_UPDATE',
	description: campaign.description,
	active: true,
	start_date: null,
	expiration_date: null,
	metadata: campaign.metadata ?? {},
});

/** Presents a tier of a campaign. */
export const presentTier = (tier: PromotionTierDefinition, campaign: CampaignDefinition): PromotionTier => ({
	id: tier.id,
	object: 'promotion_tier',
	name: tier.name,
	banner: tier.banner,
	action: { discount: tier.discount },
	hierarchy: tier.hierarchy,
	active: true,
	start_date: null,
	expiration_date: null,
	metadata: {},
	campaign: { id: campaign.id, object: 'campaign', name: campaign.name, active: true },
	campaign_id: campaign.id,
});

/** A tier together with the campaign it belongs to. */
export interface TierEntry {
	readonly tier: PromotionTierDefinition;
	readonly campaign: CampaignDefinition;
}

/** Every tier of every campaign, in hierarchy order. */
export const allTiers = (campaigns: readonly CampaignDefinition[]): TierEntry[] =>
	campaigns
		.flatMap((campaign) => (campaign.tiers ?? []).map((tier) => ({ tier, campaign })))
		.sort((left, right) => left.tier.hierarchy - right.tier.hierarchy);

/** Why a tier does not apply to the order, or `undefined` when it does. */
export function checkTier(tier: PromotionTierDefinition, order: Order): RedeemableFailure | undefined {
	if (order.amount >= tier.min_order_amount) return undefined;
	return {
		key: 'order_rules_violated',
		reason: 'order does not match validation rules',
		message: 'Order does not match validation rules',
		details: `Promotion tier ${tier.id} requires an order amount of at least ${tier.min_order_amount}`,
	};
}

/** Finds a campaign by id or name. */
export const findCampaign = (campaigns: readonly CampaignDefinition[], idOrName: string): CampaignDefinition | undefined =>
	campaigns.find((campaign) => campaign.id === idOrName || campaign.name === idOrName);

// What the other calls answer: customers, redemptions, vouchers, publications, events, consents, tiers.
import type { Discount, Gift, OrderSummary } from './validation-answers.js';

/** A customer as the API answers it: a field that was never set is `null`. */
export type Customer = {
	id: string;
	object: 'customer';
	source_id?: string | null;
	name?: string | null;
	email?: string | null;
	phone?: string | null;
	description?: string | null;
	birthdate?: string | null;
	address?: { city?: string | null; state?: string | null; line_1?: string | null; line_2?: string | null; country?: string | null; postal_code?: string | null } | null;
	metadata?: Record<string, unknown>;
	created_at?: string;
	updated_at?: string | null;
	summary?: {
		redemptions?: { total_redeemed?: number; total_failed?: number; total_succeeded?: number };
		orders?: { total_amount?: number; total_count?: number; average_amount?: number; last_order_amount?: number; last_order_date?: string | null };
	};
};

/** The short customer object redemptions and events embed; `id` is `null` while the visitor is not a customer yet. */
export type EmbeddedCustomer = Partial<Omit<Customer, 'id'>> & { id?: string | null };

export type RedemptionResult = {
	id: string;
	object: 'redemption';
	date?: string;
	customer_id?: string | null;
	/** `null` when neither a tracking id nor the customer's `source_id` is known. */
	tracking_id?: string | null;
	result: 'SUCCESS' | 'FAILURE';
	failure_code?: string;
	failure_message?: string;
	order?: OrderSummary & { id?: string };
	/** `null` when the redemption has no customer. */
	customer?: EmbeddedCustomer | null;
	voucher?: Voucher;
	related_object_type?: string;
	related_object_id?: string;
	metadata?: Record<string, unknown>;
};

export type StackableRedemptionResult = {
	tracking_id?: string | null;
	redemptions: RedemptionResult[];
	parent_redemption?: RedemptionResult;
	order?: OrderSummary;
};

export type Voucher = {
	id?: string;
	code: string;
	/** `null` for a standalone voucher. */
	campaign?: string | null;
	campaign_id?: string | null;
	category?: string | null;
	type?: 'DISCOUNT_VOUCHER' | 'GIFT_VOUCHER' | 'LOYALTY_CARD';
	/** A gift card has a `gift` and a `null` discount; a discount voucher the other way round. */
	discount?: Discount | null;
	gift?: Gift | null;
	start_date?: string | null;
	expiration_date?: string | null;
	active?: boolean;
	metadata?: Record<string, unknown>;
	redemption?: { quantity?: number | null; redeemed_quantity?: number };
};

export type PublicationResult = {
	id?: string;
	object?: 'publication';
	created_at?: string;
	/** `null` while the visitor holding the code is not a customer yet. */
	customer_id?: string | null;
	tracking_id?: string;
	channel?: string;
	result?: 'SUCCESS' | 'FAILURE';
	voucher: Voucher;
	metadata?: Record<string, unknown>;
};

export type TrackedEvent = {
	object: 'event';
	type: string;
	customer?: EmbeddedCustomer;
	referral?: unknown;
	loyalty?: unknown;
};

export type VoucherList = { object?: 'list'; data_ref?: 'vouchers'; vouchers: Voucher[]; total: number };

export type Consent = { id: string; name: string; description?: string; category?: string; object: 'consent' };

export type ConsentList = {
	groups?: { object: 'list'; data_ref: 'data'; data: Array<{ id: string; name: string; consents: string[] }>; total: number };
	consents?: { object: 'list'; data_ref: 'data'; data: Consent[]; total: number };
};

export type PromotionTier = {
	id: string;
	object?: 'promotion_tier';
	name?: string;
	banner?: string;
	action?: { discount?: Discount };
	campaign?: { id: string; name?: string; start_date?: string | null; expiration_date?: string | null; active?: boolean };
	metadata?: Record<string, unknown>;
	active?: boolean;
};

export type PromotionTierList = { object: 'list'; data_ref: 'tiers'; tiers: PromotionTier[]; total: number; has_more: boolean };

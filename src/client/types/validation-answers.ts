// What validations and qualifications answer.
import type { OrderItem, SessionTtlUnit, StackableRedeemable } from './params.js';

export type Discount = {
	type: 'PERCENT' | 'AMOUNT' | 'UNIT' | 'FIXED';
	percent_off?: number;
	amount_off?: number;
	amount_limit?: number;
	unit_off?: number;
	unit_type?: string;
	effect?: string;
};

export type Gift = { amount: number; balance: number; effect?: string };

export type OrderSummary = {
	amount?: number;
	discount_amount?: number;
	items_discount_amount?: number;
	total_discount_amount?: number;
	total_amount?: number;
	applied_discount_amount?: number;
	items_applied_discount_amount?: number;
	total_applied_discount_amount?: number;
	items?: Array<OrderItem & { discount_amount?: number; applied_discount_amount?: number }>;
	/** The order's metadata as sent; a JSON body may nest values. */
	metadata?: Record<string, unknown>;
	customer_id?: string | null;
	object?: 'order';
};

export type ApplicableTo = {
	object: 'list';
	data: Array<{ object: string; id: string; source_id?: string; strict?: boolean; effect?: string }>;
	total: number;
	data_ref?: 'data';
};

export type ValidationSessionResult = { key: string; type: 'LOCK'; ttl?: number; ttl_unit?: SessionTtlUnit };

export type ValidValidation = {
	valid: true;
	code?: string;
	/** `null` for a voucher with neither a discount nor a gift. */
	discount?: Discount | null;
	gift?: Gift;
	loyalty?: { points_cost: number };
	order?: OrderSummary;
	applicable_to?: ApplicableTo;
	inapplicable_to?: ApplicableTo;
	tracking_id?: string;
	/** `null` for a standalone voucher. */
	campaign?: string | null;
	campaign_id?: string | null;
	metadata?: Record<string, unknown>;
	session?: ValidationSessionResult;
	/** Promotions validation (no code) answers with the tiers that apply. */
	promotions?: PromotionTierResult[];
};

export type InvalidValidation = {
	valid: false;
	code?: string;
	/** Why the code does not apply, for example `voucher expired` or `voucher not found`. */
	reason?: string;
	/** The message of the validation rule that failed, meant to be shown to the shopper. */
	error?: { message?: string; code?: number; key?: string; details?: string };
	tracking_id?: string;
	metadata?: Record<string, unknown>;
};

/** `valid` tells which shape you have: an invalid code is an answer, not an error. */
export type ValidationResult = ValidValidation | InvalidValidation;

export type PromotionTierResult = {
	id: string;
	object?: 'promotion_tier';
	name?: string;
	banner?: string;
	discount?: Discount;
	discount_amount?: number;
	applied_discount_amount?: number;
	order?: OrderSummary;
	campaign?: { id: string; name?: string };
	metadata?: Record<string, unknown>;
};

export type StackableRedeemableResult = {
	status: 'APPLICABLE' | 'INAPPLICABLE' | 'SKIPPED';
	id: string;
	object: StackableRedeemable['object'];
	result?: {
		discount?: Discount;
		/** The gift card's funds, and the `credits` this order would take from them. */
		gift?: Partial<Gift> & { credits?: number };
		error?: { message?: string; key?: string; code?: number; details?: string };
	};
	order?: OrderSummary;
	applicable_to?: ApplicableTo;
	inapplicable_to?: ApplicableTo;
	metadata?: Record<string, unknown>;
	/** With `options.expand: ['redeemable']`: the campaign's name and id (`null` id for a standalone voucher). */
	campaign_name?: string | null;
	campaign_id?: string | null;
};

export type StackableValidationResult = {
	valid: boolean;
	redeemables: StackableRedeemableResult[];
	inapplicable_redeemables?: StackableRedeemableResult[];
	skipped_redeemables?: StackableRedeemableResult[];
	order?: OrderSummary;
	tracking_id?: string;
	session?: ValidationSessionResult;
};

export type QualificationsResult = {
	redeemables: { object: 'list'; data_ref: 'data'; data: Array<{ id: string; object: string; result?: unknown; order?: OrderSummary }>; total: number; has_more: boolean };
	tracking_id?: string;
	order?: OrderSummary;
	stacking_rules?: Record<string, unknown>;
};

/** Flat key/value data; nested objects cannot be expressed in the client API's query grammar. */
export type Metadata = Record<string, string | number | boolean>;

/** One cart line. Amounts are integers in minor units (cents). */
export type OrderItem = {
	product_id?: string;
	sku_id?: string;
	source_id?: string;
	related_object?: 'product' | 'sku';
	quantity?: number;
	price?: number;
	amount?: number;
};

export type CustomerReference = {
	source_id?: string;
	metadata?: Metadata;
};

export type SessionTtlUnit = 'DAYS' | 'HOURS' | 'MINUTES' | 'SECONDS' | 'MILLISECONDS' | 'MICROSECONDS' | 'NANOSECONDS';

/** Locks the discount for this session (`session_type=LOCK`). */
export type ValidationSession = {
	key?: string;
	ttl?: number;
	ttlUnit?: SessionTtlUnit;
};

/** What `validate()` accepts besides a bare code. Without `code` it validates the promotions that apply to the cart. */
export type ValidateParams = {
	code?: string;
	/** Order amount in minor units. Defaults, on the API side, to the sum of the items. */
	amount?: number;
	items?: OrderItem[];
	/** A customer `source_id`, or a reference with metadata. When omitted, the tracking id identifies the visitor. */
	customer?: string | CustomerReference;
	metadata?: Metadata;
	orderMetadata?: Metadata;
	session?: ValidationSession;
};

/** Per-call options accepted by every method. */
export type RequestOptions = {
	/** Cancels the call; the promise rejects with the signal's reason and nothing is stored. */
	signal?: AbortSignal;
};

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
	metadata?: Metadata;
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
	discount?: Discount;
	gift?: Gift;
	loyalty?: { points_cost: number };
	order?: OrderSummary;
	applicable_to?: ApplicableTo;
	inapplicable_to?: ApplicableTo;
	tracking_id?: string;
	campaign?: string;
	campaign_id?: string;
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
	error?: { message?: string; code?: number; key?: string };
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

export type StackableRedeemable =
	| { object: 'voucher'; id: string }
	| { object: 'promotion_tier'; id: string }
	| { object: 'promotion_stack'; id: string };

export type StackableParams = {
	redeemables: StackableRedeemable[];
	order?: { amount?: number; items?: OrderItem[]; metadata?: Metadata };
	customer?: CustomerReference & { id?: string; name?: string; email?: string };
	session?: { type: 'LOCK'; key?: string; ttl?: number; ttl_unit?: SessionTtlUnit };
	metadata?: Record<string, unknown>;
	options?: { expand?: Array<'order' | 'redeemable' | 'category'> };
};

export type StackableRedeemableResult = {
	status: 'APPLICABLE' | 'INAPPLICABLE' | 'SKIPPED';
	id: string;
	object: StackableRedeemable['object'];
	result?: { discount?: Discount; gift?: Gift; error?: { message?: string; key?: string; code?: number } };
	order?: OrderSummary;
	applicable_to?: ApplicableTo;
	inapplicable_to?: ApplicableTo;
	metadata?: Record<string, unknown>;
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

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
	/** The Voucherify customer id (`cust_…`); with `source_id`, it names the customer ahead of the tracking id. */
	id?: string;
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
	/** A customer `source_id`, or a reference by `id` and/or `source_id` with metadata. When omitted, the tracking id identifies the visitor. */
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

/** A customer as the caller describes one; `source_id` defaults to the visitor's tracking id. */
export type CustomerInput = {
	id?: string;
	source_id?: string;
	name?: string;
	email?: string;
	phone?: string;
	description?: string;
	birthdate?: string;
	address?: { city?: string; state?: string; line_1?: string; line_2?: string; country?: string; postal_code?: string };
	metadata?: Record<string, unknown>;
};

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

export type OrderInput = {
	id?: string;
	source_id?: string;
	amount?: number;
	items?: OrderItem[];
	metadata?: Record<string, unknown>;
};

export type RedeemParams = {
	customer?: CustomerInput;
	order?: OrderInput;
	metadata?: Record<string, unknown>;
	/** Gift card credits to use, in minor units. */
	gift?: { credits?: number };
	reward?: { id?: string; points?: number };
	session?: { key: string };
};

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

export type PublishParams = {
	customer?: CustomerInput;
	/** @default 'voucherify-browser' */
	channel?: string;
	metadata?: Record<string, unknown>;
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

export type TrackParams = {
	customer?: CustomerInput;
	metadata?: Record<string, unknown>;
	referral?: { code?: string; referrer_id?: string };
	loyalty?: { code?: string };
};

export type TrackedEvent = {
	object: 'event';
	type: string;
	customer?: EmbeddedCustomer;
	referral?: unknown;
	loyalty?: unknown;
};

export type ListVouchersParams = {
	campaign?: string;
	category?: string;
	page?: number;
	limit?: number;
	/** A customer id or source_id whose vouchers to list. */
	customer?: string;
};

export type VoucherList = { object?: 'list'; data_ref?: 'vouchers'; vouchers: Voucher[]; total: number };

export type Consent = { id: string; name: string; description?: string; category?: string; object: 'consent' };

export type ConsentList = {
	groups?: { object: 'list'; data_ref: 'data'; data: Array<{ id: string; name: string; consents: string[] }>; total: number };
	consents?: { object: 'list'; data_ref: 'data'; data: Consent[]; total: number };
};

/** Consent ids (`cnst_…`, or `unsubscribed`) mapped to the customer's choice. */
export type ConsentChoices = Record<string, boolean>;

export type QualificationsParams = {
	customer?: CustomerInput;
	order?: OrderInput;
	scenario?: 'ALL' | 'CUSTOMER_WALLET' | 'AUDIENCE_ONLY' | 'PRODUCTS' | 'PRODUCTS_DISCOUNT' | 'PROMOTION_STACKS' | 'PRODUCTS_BY_CUSTOMER' | 'PRODUCTS_DISCOUNT_BY_CUSTOMER';
	options?: { limit?: number; starting_after?: string; filters?: Record<string, unknown>; expand?: string[]; sorting_rule?: string };
	metadata?: Record<string, unknown>;
};

export type QualificationsResult = {
	redeemables: { object: 'list'; data_ref: 'data'; data: Array<{ id: string; object: string; result?: unknown; order?: OrderSummary }>; total: number; has_more: boolean };
	tracking_id?: string;
	order?: OrderSummary;
	stacking_rules?: Record<string, unknown>;
};

export type ListPromotionTiersParams = {
	is_available?: boolean;
	limit?: number;
	page?: number;
	order?: 'created_at' | '-created_at' | 'updated_at' | '-updated_at';
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

// What the calls take: their parameters and per-call options.

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

export type PublishParams = {
	customer?: CustomerInput;
	/** @default 'voucherify-browser' */
	channel?: string;
	metadata?: Record<string, unknown>;
};

export type TrackParams = {
	customer?: CustomerInput;
	metadata?: Record<string, unknown>;
	referral?: { code?: string; referrer_id?: string };
	loyalty?: { code?: string };
};

export type ListVouchersParams = {
	campaign?: string;
	category?: string;
	page?: number;
	limit?: number;
	/** A customer id or source_id whose vouchers to list. */
	customer?: string;
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

export type ListPromotionTiersParams = {
	is_available?: boolean;
	limit?: number;
	page?: number;
	order?: 'created_at' | '-created_at' | 'updated_at' | '-updated_at';
};

import type { Discount } from '../orders/benefits.js';
import type { RedeemableFailure } from '../shared/errors.js';
import type { Metadata } from '../orders/order.js';

/** The two kinds of voucher the mock knows. */
export type VoucherType = 'DISCOUNT_VOUCHER' | 'GIFT_VOUCHER';

/**
 * A voucher as fixtures, `POST /v1/vouchers` and `--fixtures` files describe it. Only `code` is
 * required in fixtures; `type` follows from `discount` or `gift` when left out.
 *
 * @example
 * ```ts
 * const fixture: VoucherDefinition = { code: 'TEN', discount: { type: 'PERCENT', percent_off: 10 } };
 * ```
 */
export interface VoucherDefinition {
	readonly code?: string;
	readonly type?: VoucherType;
	readonly discount?: Discount;
	/** Gift card credits; `balance` defaults to `amount`. */
	readonly gift?: { readonly amount: number; readonly balance?: number };
	/** Campaign name. */
	readonly campaign?: string | null;
	readonly category?: string | null;
	/** ISO 8601; the voucher is not valid before it. */
	readonly start_date?: string | null;
	/** ISO 8601; the voucher is not valid after it. */
	readonly expiration_date?: string | null;
	/** @default true */
	readonly active?: boolean;
	/** `quantity` is how many times the voucher may be redeemed (`null`: no limit). */
	readonly redemption?: { readonly quantity?: number | null; readonly redeemed_quantity?: number };
	readonly metadata?: Metadata;
	/** Validation rule ids assigned to the voucher at creation (`POST /v1/vouchers`). */
	readonly validation_rules?: readonly string[];
}

/** Gift card credits as the API shows them. */
export interface Gift {
	readonly amount: number;
	readonly balance: number;
	readonly effect: 'APPLY_TO_ORDER';
}

/** A voucher as the API answers it. */
export interface Voucher {
	readonly id: string;
	readonly object: 'voucher';
	readonly code: string;
	readonly type: VoucherType;
	readonly campaign: string | null;
	readonly campaign_id: string | null;
	readonly category: string | null;
	readonly discount: Discount | null;
	readonly gift: Gift | null;
	readonly start_date: string | null;
	readonly expiration_date: string | null;
	readonly active: boolean;
	readonly redemption: { readonly quantity: number | null; readonly redeemed_quantity: number };
	readonly publish: { readonly count: number };
	readonly holder_id: string | null;
	readonly metadata: Metadata;
	readonly created_at: string;
	readonly updated_at: string | null;
}

/** What a new voucher needs besides its definition. */
export interface VoucherOrigin {
	readonly id: string;
	readonly code: string;
	readonly createdAt: Date;
	readonly campaignId: string | null;
	readonly holderId?: string | null;
}

/** Builds the stored voucher from a definition. */
export function createVoucher(definition: VoucherDefinition, origin: VoucherOrigin): Voucher {
	const gift = definition.gift;
	return {
		id: origin.id,
		object: 'voucher',
		code: origin.code,
		type: definition.type ?? (gift ? 'GIFT_VOUCHER' : 'DISCOUNT_VOUCHER'),
		campaign: definition.campaign ?? null,
		campaign_id: origin.campaignId,
		category: definition.category ?? null,
		discount: definition.discount ?? null,
		gift: gift ? { amount: gift.amount, balance: gift.balance ?? gift.amount, effect: 'APPLY_TO_ORDER' } : null,
		start_date: definition.start_date ?? null,
		expiration_date: definition.expiration_date ?? null,
		active: definition.active ?? true,
		redemption: { quantity: definition.redemption?.quantity ?? null, redeemed_quantity: definition.redemption?.redeemed_quantity ?? 0 },
		publish: { count: 0 },
		holder_id: origin.holderId ?? null,
		metadata: definition.metadata ?? {},
		created_at: origin.createdAt.toISOString(),
		updated_at: null,
	};
}

const failure = (key: RedeemableFailure['key'], reason: string, message: string, details: string): RedeemableFailure => ({
	key,
	reason,
	message,
	details,
});

/** Why a code cannot be used right now, or `undefined` when it can. */
export function checkVoucher(code: string, voucher: Voucher | undefined, now: Date): RedeemableFailure | undefined {
	if (!voucher) return failure('not_found', 'voucher not found', 'Resource not found', `Cannot find voucher with id ${code}`);
	if (!voucher.active) return failure('voucher_disabled', 'voucher is disabled', 'Voucher is disabled', `Voucher ${code} is disabled`);
	if (voucher.start_date !== null && Date.parse(voucher.start_date) > now.getTime()) {
		return failure('voucher_not_active', 'voucher not active', 'Voucher not active yet', `Voucher ${code} is valid from ${voucher.start_date}`);
	}
	if (voucher.expiration_date !== null && Date.parse(voucher.expiration_date) < now.getTime()) {
		return failure('voucher_expired', 'voucher expired', 'Voucher expired', `Voucher ${code} expired on ${voucher.expiration_date}`);
	}
	const { quantity, redeemed_quantity } = voucher.redemption;
	if (quantity !== null && redeemed_quantity >= quantity) {
		return failure('quantity_exceeded', 'quantity exceeded', 'Quantity exceeded', `Voucher ${code} has been redeemed ${redeemed_quantity} of ${quantity} times`);
	}
	if (voucher.gift && voucher.gift.balance <= 0) {
		return failure('gift_amount_exceeded', 'gift amount exceeded', 'Gift amount exceeded', `Gift card ${code} has no balance left`);
	}
	return undefined;
}

/** The voucher after one successful redemption that used `giftCredits` of its balance. */
export function markRedeemed(voucher: Voucher, giftCredits: number, now: Date): Voucher {
	return {
		...voucher,
		redemption: { ...voucher.redemption, redeemed_quantity: voucher.redemption.redeemed_quantity + 1 },
		gift: voucher.gift ? { ...voucher.gift, balance: voucher.gift.balance - giftCredits } : null,
		updated_at: now.toISOString(),
	};
}

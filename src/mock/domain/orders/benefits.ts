import type { RedeemableFailure } from '../shared/errors.js';
import { percentOf } from '../shared/exact.js';
import { itemMatches, unitPrice, type Order } from './order.js';

/** `percent_off` of the order, capped at `amount_limit` when given. */
export interface PercentDiscount {
	readonly type: 'PERCENT';
	readonly percent_off: number;
	readonly amount_limit?: number;
}

/** A fixed amount off the order. */
export interface AmountDiscount {
	readonly type: 'AMOUNT';
	readonly amount_off: number;
}

/** `unit_off` units of the product `unit_type` for free. */
export interface UnitDiscount {
	readonly type: 'UNIT';
	readonly unit_off: number;
	readonly unit_type: string;
}

/** The discount of a DISCOUNT_VOUCHER or a promotion tier. */
export type Discount = PercentDiscount | AmountDiscount | UnitDiscount;

/** What a redeemable takes off an order: a discount, or gift card credits. */
export type Benefit = { readonly kind: 'discount'; readonly discount: Discount } | { readonly kind: 'gift'; readonly balance: number };

/** Amounts taken off, order-level and per item line (by index). */
export interface Reduction {
	readonly order: number;
	readonly items: readonly number[];
}

/** Nothing taken off yet. */
export const noReduction = (order: Order): Reduction => ({ order: 0, items: order.items.map(() => 0) });

/** Order-level plus item-level. */
export const reductionTotal = (reduction: Reduction): number => reduction.items.reduce((sum, value) => sum + value, reduction.order);

/** Adds two reductions of the same order. */
export const addReductions = (left: Reduction, right: Reduction): Reduction => ({
	order: left.order + right.order,
	items: left.items.map((value, index) => value + (right.items[index] ?? 0)),
});

const unitDiscountFailure = (productRef: string): RedeemableFailure => ({
	key: 'order_rules_violated',
	reason: 'order does not match validation rules',
	message: 'Order does not match validation rules',
	details: `The order does not contain product ${productRef}`,
});

function unitReduction(discount: UnitDiscount, order: Order, already: Reduction, remaining: number): Reduction | RedeemableFailure {
	const items = order.items.map(() => 0);
	let unitsLeft = discount.unit_off;
	let budget = remaining;
	let matched = false;
	order.items.forEach((item, index) => {
		if (!itemMatches(item, discount.unit_type)) return;
		matched = true;
		const units = Math.min(unitsLeft, item.quantity);
		const itemLeft = item.amount - (already.items[index] ?? 0);
		const value = Math.min(units * unitPrice(item), itemLeft, budget);
		items[index] = value;
		unitsLeft -= units;
		budget -= value;
	});
	return matched ? { order: 0, items } : unitDiscountFailure(discount.unit_type);
}

/**
 * What a benefit takes off an order, given what earlier redeemables of the same stack already took.
 * Stacked redeemables apply in turn, each to what the previous ones left. Integer minor units throughout.
 */
export function computeReduction(benefit: Benefit, order: Order, already: Reduction): Reduction | RedeemableFailure {
	const remaining = Math.max(0, order.amount - reductionTotal(already));
	const orderLevel = (value: number): Reduction => ({ order: Math.min(value, remaining), items: order.items.map(() => 0) });
	if (benefit.kind === 'gift') return orderLevel(benefit.balance);
	const { discount } = benefit;
	switch (discount.type) {
		case 'PERCENT': {
			const off = percentOf(remaining, discount.percent_off);
			return orderLevel(discount.amount_limit === undefined ? off : Math.min(off, discount.amount_limit));
		}
		case 'AMOUNT':
			return orderLevel(discount.amount_off);
		case 'UNIT':
			return unitReduction(discount, order, already, remaining);
	}
}

/** Tells a computed reduction from the failure of a unit discount with no matching line. */
export const isReduction = (value: Reduction | RedeemableFailure): value is Reduction => 'items' in value;

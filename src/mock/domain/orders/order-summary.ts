import { reductionTotal, type Reduction } from './benefits.js';
import type { Metadata, Order, OrderItem } from './order.js';

/** An order line with what the discounts took off it. */
export interface OrderItemSummary extends OrderItem {
	readonly discount_amount: number;
	readonly applied_discount_amount: number;
	readonly subtotal_amount: number;
}

/**
 * The `order` object of validation and redemption answers. `discount_amount` is order-level,
 * `items_discount_amount` item-level (unit discounts), `total_*` both; `applied_*` is what the
 * redeemable the object belongs to contributed.
 */
export interface OrderSummary {
	readonly id?: string;
	readonly source_id?: string;
	readonly object: 'order';
	readonly amount: number;
	readonly discount_amount: number;
	readonly items_discount_amount: number;
	readonly total_discount_amount: number;
	readonly total_amount: number;
	readonly applied_discount_amount: number;
	readonly items_applied_discount_amount: number;
	readonly total_applied_discount_amount: number;
	readonly items: readonly OrderItemSummary[];
	readonly metadata: Metadata;
}

/** Describes an order after the `total` reduction, of which `applied` came from the redeemable at hand. */
export function summarizeOrder(order: Order, total: Reduction, applied: Reduction = total): OrderSummary {
	const totalDiscount = reductionTotal(total);
	const appliedDiscount = reductionTotal(applied);
	return {
		...(order.id === undefined ? {} : { id: order.id }),
		...(order.source_id === undefined ? {} : { source_id: order.source_id }),
		object: 'order',
		amount: order.amount,
		discount_amount: total.order,
		items_discount_amount: totalDiscount - total.order,
		total_discount_amount: totalDiscount,
		total_amount: order.amount - totalDiscount,
		applied_discount_amount: applied.order,
		items_applied_discount_amount: appliedDiscount - applied.order,
		total_applied_discount_amount: appliedDiscount,
		items: order.items.map((item, index) => {
			const discount = total.items[index] ?? 0;
			return { ...item, discount_amount: discount, applied_discount_amount: applied.items[index] ?? 0, subtotal_amount: item.amount - discount };
		}),
		metadata: order.metadata,
	};
}

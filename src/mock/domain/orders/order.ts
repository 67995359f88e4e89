import { divideRounded } from '../shared/exact.js';

/** Free-form key/value data attached to vouchers, customers, orders and events. */
export type Metadata = Record<string, unknown>;

/** One order line as a caller sends it. Money is in integer minor units (cents). */
export interface OrderItemInput {
	readonly product_id?: string;
	readonly sku_id?: string;
	readonly source_id?: string;
	readonly related_object?: string;
	readonly quantity?: number;
	/** Unit price. */
	readonly price?: number;
	/** Line total; `price × quantity` when not given. */
	readonly amount?: number;
	readonly metadata?: Metadata;
}

/** An order as a caller sends it. */
export interface OrderInput {
	readonly id?: string;
	readonly source_id?: string;
	/** Order total; the sum of the item amounts when not given. */
	readonly amount?: number;
	readonly items?: readonly OrderItemInput[];
	readonly metadata?: Metadata;
}

/** An order line with its quantity and amount filled in. */
export interface OrderItem extends OrderItemInput {
	readonly quantity: number;
	readonly amount: number;
}

/** An order with every amount known. */
export interface Order {
	readonly id?: string;
	readonly source_id?: string;
	readonly amount: number;
	readonly items: readonly OrderItem[];
	readonly metadata: Metadata;
}

const normalizeItem = (item: OrderItemInput): OrderItem => {
	const quantity = item.quantity ?? 1;
	return { ...item, quantity, amount: item.amount ?? (item.price ?? 0) * quantity };
};

/** Fills in item amounts and the order amount. */
export function normalizeOrder(input: OrderInput = {}): Order {
	const items = (input.items ?? []).map(normalizeItem);
	const amount = input.amount ?? items.reduce((sum, item) => sum + item.amount, 0);
	return {
		...(input.id === undefined ? {} : { id: input.id }),
		...(input.source_id === undefined ? {} : { source_id: input.source_id }),
		amount,
		items,
		metadata: input.metadata ?? {},
	};
}

/** The price of one unit of an item: its price, or its amount spread over its quantity. */
export const unitPrice = (item: OrderItem): number =>
	item.price ?? (item.quantity > 0 ? divideRounded(item.amount, item.quantity) : 0);

/** True when the line is the product, SKU or source id a unit discount names. */
export const itemMatches = (item: OrderItem, productRef: string): boolean =>
	item.product_id === productRef || item.sku_id === productRef || item.source_id === productRef;

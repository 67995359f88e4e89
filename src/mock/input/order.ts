import { MAX_AMOUNT, overflowingAmount } from '../../shared/money.js';
import type { OrderInput, OrderItemInput } from '../domain/orders/order.js';
import type { InputReader } from './reader.js';

/** Reads one order line. */
export function readItem(read: InputReader, value: unknown, path: string): OrderItemInput {
	const item = read.requiredObject(value, path);
	const fields = {
		product_id: read.string(item.product_id, `${path}.product_id`),
		sku_id: read.string(item.sku_id, `${path}.sku_id`),
		source_id: read.string(item.source_id, `${path}.source_id`),
		related_object: read.string(item.related_object, `${path}.related_object`),
		quantity: read.integer(item.quantity, `${path}.quantity`),
		price: read.integer(item.price, `${path}.price`),
		amount: read.integer(item.amount, `${path}.amount`),
		metadata: read.metadata(item.metadata, `${path}.metadata`),
	};
	return Object.fromEntries(Object.entries(fields).filter(([, field]) => field !== undefined)) as OrderItemInput;
}

/** Reads the items of an order. */
export const readItems = (read: InputReader, value: unknown, path: string): OrderItemInput[] | undefined =>
	read.list(value, path)?.map((item, index) => readItem(read, item, `${path}[${index}]`));

/**
 * Refuses an order whose computed amounts (a line's `price × quantity`, or the sum of the lines)
 * would pass MAX_AMOUNT, naming the field: the domain then computes every amount exactly.
 */
export function assertExactAmounts(read: InputReader, order: OrderInput, paths: { readonly amount: string; readonly items: string }): void {
	const overflow = overflowingAmount(order);
	if (overflow === undefined) return;
	const expectation = `at most ${MAX_AMOUNT}, the largest exact amount`;
	if (overflow === 'total') throw read.invalid(paths.amount, `${expectation}; the sum of the item amounts passes it`);
	throw read.invalid(`${paths.items}[${overflow}].amount`, `${expectation}; price × quantity passes it`);
}

/** Reads an order object. */
export function readOrder(read: InputReader, value: unknown, path = 'order'): OrderInput | undefined {
	const order = read.object(value, path);
	if (!order) return undefined;
	const fields = {
		id: read.string(order.id, `${path}.id`),
		source_id: read.string(order.source_id, `${path}.source_id`),
		amount: read.integer(order.amount, `${path}.amount`),
		items: readItems(read, order.items, `${path}.items`),
		metadata: read.metadata(order.metadata, `${path}.metadata`),
	};
	const input = Object.fromEntries(Object.entries(fields).filter(([, field]) => field !== undefined)) as OrderInput;
	assertExactAmounts(read, input, { amount: `${path}.amount`, items: `${path}.items` });
	return input;
}

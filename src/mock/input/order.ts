import type { OrderInput, OrderItemInput } from '../domain/order.js';
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
	return Object.fromEntries(Object.entries(fields).filter(([, field]) => field !== undefined)) as OrderInput;
}

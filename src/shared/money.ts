/**
 * The largest amount, price or quantity (integers, minor units) the SDK sends and the mock accepts
 * or computes: 2^53 − 1, the largest integer a JavaScript number, and so a JSON number read by
 * JavaScript, holds exactly. An order whose computed line amount (`price × quantity`) or total (the
 * sum of the lines, when no `amount` is given) would pass it is refused by both, before anything is
 * computed inexactly: the SDK before it sends, the mock with `400`, naming the field.
 */
export const MAX_AMOUNT = Number.MAX_SAFE_INTEGER;

/** The money fields of an order, each already an integer from 0 to {@link MAX_AMOUNT}. */
export interface OrderAmounts {
	readonly amount?: number | undefined;
	readonly items?: readonly { readonly quantity?: number | undefined; readonly price?: number | undefined; readonly amount?: number | undefined }[] | undefined;
}

/**
 * Which computed amount of an order would pass {@link MAX_AMOUNT}: the index of the first line
 * whose `price × quantity` would, `'total'` for the sum of the lines, or `undefined`.
 * Exact: a product or sum of integers that is at most 2^53 − 1 is computed exactly, and one that
 * is not rounds to at least 2^53, so the comparison never errs.
 */
export function overflowingAmount({ amount, items = [] }: OrderAmounts): number | 'total' | undefined {
	let total = 0;
	for (const [index, item] of items.entries()) {
		const line = item.amount ?? (item.price ?? 0) * (item.quantity ?? 1);
		if (line > MAX_AMOUNT) return index;
		total += line;
	}
	return amount === undefined && total > MAX_AMOUNT ? 'total' : undefined;
}

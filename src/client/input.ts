import { refuse } from '../errors/invalid-input-error.js';
import { describeType } from '../shared/identity.js';
import { isWellFormedText } from '../shared/unicode.js';
import { MAX_AMOUNT, overflowingAmount, type OrderAmounts } from '../shared/money.js';
import type { OrderItem } from './types/params.js';

/** Checks on caller input, each throwing a VoucherifyInvalidInputError that names the field, before any request. */

const MAX_CODE_LENGTH = 500;
const MAX_ITEMS = 500;
export const ITEM_STRING_FIELDS = ['product_id', 'sku_id', 'source_id', 'related_object'] as const;
export const ITEM_INTEGER_FIELDS = ['quantity', 'price', 'amount'] as const;
const MAX_JSON_DEPTH = 32;


export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The built-in tag of a value (`Object`, `AbortSignal`, `Map`): the same across frames, unlike `instanceof`. */
const tagOf = (value: unknown): string => Object.prototype.toString.call(value).slice(8, -1);

export function checkCode(value: unknown, field = 'code'): string {
	if (typeof value !== 'string') return refuse(field, `must be a string, got ${describeType(value)}`);
	const code = value.trim();
	if (code === '') return refuse(field, 'must not be empty');
	if (code.length > MAX_CODE_LENGTH) return refuse(field, `must be at most ${MAX_CODE_LENGTH} characters`);
	return checkWellFormed(code, field);
}

export function checkText(value: unknown, field: string): string {
	if (typeof value !== 'string' || value.trim() === '') return refuse(field, 'must be a non-empty string');
	return checkWellFormed(value, field);
}

/** Text that goes into a URL must be whole code points: `encodeURIComponent` throws on a lone surrogate. */
export function checkWellFormed(value: string, field: string): string {
	return isWellFormedText(value) ? value : refuse(field, 'must be well-formed Unicode');
}

/**
Amounts and quantities are integers in minor units: no fractions, no negatives, nothing beyond `MAX_AMOUNT` of
src/shared/money.ts (2^53 − 1, which `Number.isSafeInteger` checks without importing it), the API's own limit.
*/
export function checkAmount(value: unknown, field: string, { positive = false } = {}): number {
	if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
		// A float such as 1998.9999999999998 is usually `price * 100`: say how to get the integer the API takes.
		const fix = typeof value === 'number' && value % 1 ? ': use Math.round(price * 100)' : '';
		return refuse(field, `must be an integer in minor units, got ${typeof value === 'number' ? value : describeType(value)}${fix}`);
	}
	if (value < 0 || (positive && value === 0)) return refuse(field, `must be ${positive ? 'greater than zero' : 'zero or more'}, got ${value}`);
	return value;
}

/**
One reading of caller input, so what is checked is what is sent: arrays and plain objects (of any frame) are copied,
each own enumerable property read once (`Object.fromEntries` keeps a `__proto__` key an own property, as JSON.parse
does); anything else (a Date, a Map, an AbortSignal) is kept for the checks to judge.
With a `field` (a JSON body, named from there), it also refuses what `JSON.stringify` would drop, change or choke
on (functions, symbols, BigInt, `NaN`, `Infinity`, `undefined` in an array, a Map, a cycle), so a body arrives as the
caller wrote it or not at all. An `undefined` property is left out, as JSON does; an object with `toJSON` (a Date) is
the caller's choice.
*/
export function snapshotInput(value: unknown, field?: string, depth = 0): unknown {
	const json = field !== undefined;
	if (typeof value !== 'object' || value === null) {
		if (json && typeof value === 'number' && !Number.isFinite(value)) refuse(field, `must be a finite number, got ${value}`);
		if (json && value !== null && !['string', 'number', 'boolean'].includes(typeof value)) refuse(field, `cannot be sent as JSON, got ${describeType(value)}`);
		return value;
	}
	if (depth >= MAX_JSON_DEPTH) return json ? refuse(field, `nests deeper than ${MAX_JSON_DEPTH} levels`) : value;
	const at = (key: string | number): string | undefined =>
		json ? (typeof key === 'number' ? `${field}[${key}]` : field === '' ? key : `${field}.${key}`) : undefined;
	if (Array.isArray(value)) return Array.from(value, (entry: unknown, index) => snapshotInput(entry, at(index), depth + 1));
	if (json && typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
	// The built-in tag rather than a prototype check: plain objects from another frame pass too.
	if (tagOf(value) !== 'Object') return json ? refuse(field, `must be a plain object, got ${tagOf(value)}`) : value;
	return Object.fromEntries(
		Object.keys(value).map((key) => {
			const entry = (value as Record<string, unknown>)[key];
			return [key, entry === undefined ? entry : snapshotInput(entry, at(key), depth + 1)];
		}),
	);
}

/** A field that a fixed shape (the validate query, a session) has no place for would be dropped or sent as junk, so it is refused. */
export function checkQueryFields(value: Record<string, unknown>, field: string, fields: readonly string[]): void {
	for (const key of Object.keys(value)) {
		if (!fields.includes(key)) refuse(`${field}.${key}`, `has no place in the validate() query, which takes ${fields.join(', ')}`);
	}
}

/** Order items: any field, those the API reads checked. */
export function checkItems(value: unknown, field = 'items'): OrderItem[] {
	if (!Array.isArray(value)) return refuse(field, `must be an array, got ${describeType(value)}`);
	if (value.length > MAX_ITEMS) return refuse(field, `must have at most ${MAX_ITEMS} entries`);
	return value.map((item: unknown, index) => {
		const itemField = `${field}[${index}]`;
		if (!isPlainObject(item)) return refuse(itemField, `must be an object, got ${describeType(item)}`);
		for (const key of ITEM_STRING_FIELDS) if (item[key] !== undefined) checkText(item[key], `${itemField}.${key}`);
		for (const key of ITEM_INTEGER_FIELDS) {
			if (item[key] !== undefined) checkAmount(item[key], `${itemField}.${key}`, { positive: key === 'quantity' });
		}
		return item as OrderItem;
	});
}

/** A real AbortSignal of any frame, by its built-in tag: `{ aborted: false }` is not one. */
export function checkSignal(value: unknown): AbortSignal | undefined {
	if (value !== undefined && tagOf(value) !== 'AbortSignal') refuse('signal', `must be an AbortSignal, got ${describeType(value)}`);
	return value as AbortSignal | undefined;
}

/** An optional params object, read once (see `snapshotInput`): `undefined` reads as `{}`, anything but a plain object is refused. */
export function checkObject(value: unknown, field: string): Record<string, unknown> {
	if (value === undefined) return {};
	const copy = snapshotInput(value);
	return isPlainObject(copy) ? copy : refuse(field, `must be an object, got ${describeType(value)}`);
}

/** An order's computed amounts (`price × quantity` of a line, the sum of the lines) stay within `MAX_AMOUNT`, as the API requires. */
export function checkExactAmounts(order: OrderAmounts, prefix: string): void {
	const overflow = overflowingAmount(order);
	if (overflow !== undefined) {
		refuse(`${prefix}${overflow === 'total' ? 'amount' : `items[${overflow}].amount`}`, `would pass ${MAX_AMOUNT}, the largest exact amount`);
	}
}

export function checkOrder(value: unknown, field = 'order'): void {
	const order = checkObject(value, field);
	if (order.amount !== undefined) checkAmount(order.amount, `${field}.amount`);
	if (order.items !== undefined) checkItems(order.items, `${field}.items`);
	if (order.metadata !== undefined) checkObject(order.metadata, `${field}.metadata`);
	checkExactAmounts(order as OrderAmounts, `${field}.`);
}

/** A customer object for JSON bodies; its `source_id`, when given, must be real text. */
export function checkCustomerInput(value: unknown, field = 'customer'): void {
	const customer = checkObject(value, field);
	if (customer.source_id !== undefined) checkText(customer.source_id, `${field}.source_id`);
	if (customer.id !== undefined) checkText(customer.id, `${field}.id`);
	if (customer.metadata !== undefined) checkObject(customer.metadata, `${field}.metadata`);
	snapshotInput(customer, field);
}

/** The parts every JSON body shares: `customer`, `order`, `metadata`, and no caller-chosen `tracking_id`. */
export function checkBody(value: unknown, field = 'params'): Record<string, unknown> {
	const body = checkObject(value, field);
	checkCustomerInput(body.customer);
	checkOrder(body.order);
	checkObject(body.metadata, 'metadata');
	if ('tracking_id' in body) refuse('tracking_id', 'is set by the SDK: use setIdentity()');
	// Members of a params object are named bare (`metadata.x`); a body given as another argument keeps its name.
	snapshotInput(body, field === 'params' ? '' : field);
	return body;
}

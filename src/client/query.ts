import { describeType } from '../shared/identity.js';
import { isWellFormedText } from '../shared/unicode.js';
import { ITEM_INTEGER_FIELDS, ITEM_STRING_FIELDS, checkQueryFields, checkWellFormed, isPlainObject } from './input.js';
import { refuse } from '../errors/invalid-input-error.js';
import type { ValidateParams } from './types/params.js';

type QueryValue = string | number | boolean | undefined;

/** Joins pairs into a query string, each key and value percent-encoded exactly once; undefined values are left out. */
export const toQueryString = (entries: ReadonlyArray<readonly [string, QueryValue]>): string =>
	entries
		.filter((entry): entry is readonly [string, string | number | boolean] => entry[1] !== undefined)
		.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
		.join('&');

const prefixed = (prefix: string, record: Record<string, QueryValue> = {}) =>
	Object.entries(record).map(([key, value]) => [`${prefix}[${key}]`, value] as const);

/**
Encodes validate params in the client API's bracket grammar (`item[0][sku_id]=…`), so `+`, `/`, `=`, `&` and `#`
in a code or tracking id arrive intact.
*/
export function encodeValidateQuery(params: ValidateParams, trackingId: string | undefined): string {
	const { customer, session } = params;
	const customerReference = typeof customer === 'string' ? { source_id: customer } : customer;
	return toQueryString([
		['code', params.code],
		['amount', params.amount],
		['tracking_id', trackingId],
		...(params.items ?? []).flatMap((item, index) => prefixed(`item[${index}]`, item)),
		...prefixed('metadata', params.metadata),
		...prefixed('order[metadata]', params.orderMetadata),
		['customer[id]', customerReference?.id],
		['customer[source_id]', customerReference?.source_id],
		...prefixed('customer[metadata]', customerReference?.metadata),
		...(session
			? ([
					['session_type', 'LOCK'],
					['session_key', session.key],
					['session_ttl', session.ttl],
					['session_ttl_unit', session.ttlUnit],
				] as const)
			: []),
	]);
}

/** Metadata in the query grammar (`metadata[key]=value`): flat, and no key the grammar would split. */
function checkQueryMetadata(value: unknown, field: string): void {
	if (value === undefined) return;
	if (!isPlainObject(value)) return refuse(field, `must be an object, got ${describeType(value)}`);
	for (const [key, entry] of Object.entries(value)) {
		if (key === '') refuse(field, 'must not have an empty key');
		if (/[[\]]/.test(key) || !isWellFormedText(key)) refuse(field, 'keys must be well-formed text without [ or ]');
		const isScalar = typeof entry === 'string' || typeof entry === 'boolean' || (typeof entry === 'number' && Number.isFinite(entry));
		if (!isScalar) refuse(`${field}.${key}`, `must be a string, finite number or boolean, got ${describeType(entry)}`);
		if (typeof entry === 'string') checkWellFormed(entry, `${field}.${key}`);
	}
}

/**
What the query can carry, on params `validate()` has already checked for a JSON body: items with the grammar's
fields only, a customer by id, source_id and metadata, flat metadata. The rest would be dropped or sent as junk.
*/
export function checkValidateQuery({ items = [], customer, metadata, orderMetadata }: ValidateParams): void {
	items.forEach((item, index) => checkQueryFields(item, `items[${index}]`, [...ITEM_STRING_FIELDS, ...ITEM_INTEGER_FIELDS]));
	if (isPlainObject(customer)) {
		checkQueryFields(customer, 'customer', ['id', 'source_id', 'metadata']);
		checkQueryMetadata(customer.metadata, 'customer.metadata');
	}
	checkQueryMetadata(metadata, 'metadata');
	checkQueryMetadata(orderMetadata, 'orderMetadata');
}

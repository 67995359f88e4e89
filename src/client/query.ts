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

import type { ValidateParams } from './types.js';

type QueryEntry = readonly [key: string, value: string | number | boolean];

/**
Encodes validate params in the client API's bracket grammar (`item[0][sku_id]=…`), each key and value
percent-encoded exactly once, so `+`, `/`, `=`, `&` and `#` in a code or tracking id arrive intact.
*/
export function encodeValidateQuery(params: ValidateParams, trackingId: string | undefined): string {
	const entries: QueryEntry[] = [];
	const add = (key: string, value: string | number | boolean | undefined) => {
		if (value !== undefined) entries.push([key, value]);
	};

	add('code', params.code);
	add('amount', params.amount);
	add('tracking_id', trackingId);
	for (const [index, item] of (params.items ?? []).entries()) {
		for (const [field, value] of Object.entries(item)) add(`item[${index}][${field}]`, value as string | number | undefined);
	}
	for (const [key, value] of Object.entries(params.metadata ?? {})) add(`metadata[${key}]`, value);
	for (const [key, value] of Object.entries(params.orderMetadata ?? {})) add(`order[metadata][${key}]`, value);

	const { customer, session } = params;
	if (typeof customer === 'string') {
		add('customer[source_id]', customer);
	} else if (customer) {
		add('customer[source_id]', customer.source_id);
		for (const [key, value] of Object.entries(customer.metadata ?? {})) add(`customer[metadata][${key}]`, value);
	}
	if (session) {
		add('session_type', 'LOCK');
		add('session_key', session.key);
		add('session_ttl', session.ttl);
		add('session_ttl_unit', session.ttlUnit);
	}

	return entries.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`).join('&');
}

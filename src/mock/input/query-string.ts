import { DomainError } from '../domain/shared/errors.js';

/** A parsed query: leaves are strings, bracketed keys nest (`order[metadata][k]` → `{order: {metadata: {k}}}`). */
export interface QueryObject {
	[key: string]: QueryValue;
}
/** A query leaf (a string) or a nested group. */
export type QueryValue = string | QueryObject;

/** Bounds the work one request can cause. */
const MAX_PARAMETERS = 1000;
const MAX_DEPTH = 5;
const KEY_PATTERN = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;
const SEGMENT_PATTERN = /\[([^[\]]*)\]/g;

const invalid = (details: string): DomainError => new DomainError('invalid_query_params', 'Invalid query params', details);

/** Form decoding: `+` is a space, then percent-decoding. */
function decode(text: string): string {
	try {
		return decodeURIComponent(text.replace(/\+/g, ' '));
	} catch {
		throw invalid(`Malformed percent-encoding in "${text}"`);
	}
}

function keyPath(key: string): string[] {
	const match = KEY_PATTERN.exec(key);
	if (!match?.[1]) throw invalid(`Malformed parameter name "${key}"`);
	const segments = [match[1], ...Array.from((match[2] ?? '').matchAll(SEGMENT_PATTERN), (segment) => segment[1] ?? '')];
	if (segments.some((segment) => segment === '')) throw invalid(`Empty brackets in "${key}": give every list entry its index`);
	if (segments.length > MAX_DEPTH) throw invalid(`"${key}" nests deeper than ${MAX_DEPTH} levels`);
	return segments;
}

/** Objects without a prototype, so a `__proto__` parameter is just a key. */
const emptyObject = (): QueryObject => Object.create(null) as QueryObject;

function assign(root: QueryObject, path: readonly string[], value: string, key: string): void {
	let node = root;
	for (const [index, segment] of path.entries()) {
		const existing = node[segment];
		if (index === path.length - 1) {
			if (existing !== undefined) throw invalid(`"${key}" is given more than once or clashes with another parameter`);
			node[segment] = value;
			return;
		}
		if (typeof existing === 'string') throw invalid(`"${key}" clashes with another parameter`);
		node = existing ?? (node[segment] = emptyObject());
	}
}

/**
 * Parses a query string in the client API's grammar: `item[0][product_id]=…`, `metadata[k]=…`,
 * `customer=…`, `customer[id]=…` or `customer[source_id]=…`. Brackets may be literal or percent-encoded, `+` means a
 * space. A repeated or clashing parameter is an error, not a silent overwrite.
 */
export function parseQueryString(search: string): QueryObject {
	const query = emptyObject();
	const pairs = search.replace(/^\?/, '').split('&').filter((pair) => pair !== '');
	if (pairs.length > MAX_PARAMETERS) throw invalid(`More than ${MAX_PARAMETERS} query parameters`);
	for (const pair of pairs) {
		const separator = pair.indexOf('=');
		const key = decode(separator === -1 ? pair : pair.slice(0, separator));
		const value = separator === -1 ? '' : decode(pair.slice(separator + 1));
		assign(query, keyPath(key), value, key);
	}
	return query;
}

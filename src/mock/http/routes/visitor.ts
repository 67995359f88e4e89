import type { MockCore } from '../../domain/mock-core.js';
import type { CustomerInput } from '../../domain/customers/customer.js';
import { DomainError } from '../../domain/shared/errors.js';
import type { QueryObject } from '../../input/query-string.js';
import { queryReader } from '../../input/reader.js';

/** A query parameter the call cannot go without: `invalid_query_params` when it is missing or blank. */
export const requiredQuery = (query: QueryObject, name: string): string => {
	const value = queryReader.string(query[name], name)?.trim();
	if (!value) throw new DomainError('invalid_query_params', 'Invalid query params', `The ${name} query parameter is required`);
	return value;
};

/** The tracking id of a client GET: the one it carried, or a new one. */
export const trackingIdOf = (core: MockCore, query: QueryObject): string => core.resolveTrackingId(queryReader.string(query.tracking_id, 'tracking_id'));

/** Redeem, publish and events name the visitor by `customer.source_id`; a call naming nobody gets a new id. */
export const visitorOf = (core: MockCore, customer: CustomerInput | undefined): string | undefined =>
	customer?.id === undefined ? core.resolveTrackingId(undefined, customer?.source_id) : customer.source_id;

import { recordAsyncAction, type AsyncAction, type BulkUpdateResult } from './async-actions.js';
import type { DomainContext } from '../shared/context.js';
import type { CustomerFields } from '../customers/customer.js';
import { findCustomerBySourceId, updateProfile } from '../customers/customers.js';
import type { Metadata } from '../orders/order.js';

/** One entry of `POST /v1/customers/bulk/async`: the customer's `source_id` and the fields to set (`null` clears). */
export interface BulkCustomerUpdate extends CustomerFields {
	readonly source_id: string;
}

function updateOne(ctx: DomainContext, sourceId: string, fields: CustomerFields): BulkUpdateResult {
	const customer = findCustomerBySourceId(ctx, sourceId);
	if (!customer) return { source_id: sourceId, updated: false, error: `Cannot find customer with source_id ${sourceId}` };
	updateProfile(ctx, customer, fields);
	return { source_id: sourceId, updated: true };
}

/** `POST /v1/customers/bulk/async`: updates each customer named; an unknown `source_id` is reported, not created. */
export function updateCustomersInBulk(ctx: DomainContext, updates: readonly BulkCustomerUpdate[]): AsyncAction {
	const results = updates.map(({ source_id: sourceId, ...fields }) => updateOne(ctx, sourceId, fields));
	return recordAsyncAction(ctx, { type: 'CUSTOMERS_BULK_UPDATE', result: { results } });
}

/** `POST /v1/customers/metadata/async`: merges `metadata` into each customer's; a `null` value removes its key. */
export function updateCustomersMetadataInBulk(ctx: DomainContext, sourceIds: readonly string[], metadata: Metadata): AsyncAction {
	const results = sourceIds.map((sourceId) => updateOne(ctx, sourceId, { metadata }));
	return recordAsyncAction(ctx, { type: 'CUSTOMERS_METADATA_UPDATE', result: { results } });
}

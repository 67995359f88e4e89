import type { BulkCustomerUpdate } from '../domain/import-export/customer-bulk-updates.js';
import { readCustomer } from './customer.js';
import { bodyReader as body } from './reader.js';

/** `POST /v1/customers/bulk/async`: a non-empty list of customers, each named by `source_id` (an `id` is refused). */
export function readBulkCustomersBody(json: unknown): BulkCustomerUpdate[] {
	const entries = body.list(json, 'body');
	if (entries === undefined || entries.length === 0) throw body.invalid('body', 'a non-empty list of customers');
	return entries.map((entry, index) => {
		const path = `[${index}]`;
		const { id, source_id: sourceId, ...fields } = readCustomer(body, entry, path) ?? {};
		if (id !== undefined) throw body.invalid(`${path}.id`, 'absent: bulk updates name customers by source_id');
		return { ...fields, source_id: body.requiredString(sourceId, `${path}.source_id`) };
	});
}

/** `POST /v1/customers/metadata/async`: `{source_ids: [non-empty strings], metadata: {…}}`. */
export function readBulkMetadataBody(json: Record<string, unknown>): { sourceIds: string[]; metadata: Record<string, unknown> } {
	const sourceIds = body.list(json.source_ids, 'source_ids');
	if (sourceIds === undefined || sourceIds.length === 0) throw body.invalid('source_ids', 'a non-empty list of source ids');
	return {
		sourceIds: sourceIds.map((sourceId, index) => body.requiredString(sourceId, `source_ids[${index}]`)),
		metadata: body.requiredObject(json.metadata, 'metadata'),
	};
}

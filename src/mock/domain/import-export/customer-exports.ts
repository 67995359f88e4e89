import type { DomainContext } from '../shared/context.js';
import { columnReader } from './customer-columns.js';
import { toCsv } from './csv.js';
import { DomainError, notFound } from '../shared/errors.js';
import { compileFilter, matchesFilter } from '../segments/filter.js';
import { factsOf } from '../segments/segments.js';
import type { CustomerExport } from '../shared/records.js';

export type { CustomerExport } from '../shared/records.js';

/** The columns of a customer export that names none. */
export const DEFAULT_EXPORT_FIELDS = ['id', 'source_id', 'name', 'email', 'phone', 'created_at'] as const;

/** `POST /v1/exports` body, read. */
export interface ExportInput {
	readonly exported_object: 'customer';
	readonly fields?: readonly string[];
	readonly filters?: Readonly<Record<string, unknown>>;
}

/**
 * `POST /v1/exports` of customers: the CSV is written at once (oldest customer first, dates in UTC as
 * stored). `filters` use the segment filter language; an unknown field is `invalid_payload`.
 */
export function createCustomerExport(ctx: DomainContext, input: ExportInput): CustomerExport {
	const fields = input.fields && input.fields.length > 0 ? input.fields : DEFAULT_EXPORT_FIELDS;
	const filter = compileFilter(input.filters ?? {}, 'parameters.filters', { allowEmpty: true });
	const readers = fields.map((field) => {
		const reader = columnReader(field);
		if (!reader) throw new DomainError('invalid_payload', 'Invalid payload', `parameters.fields names ${field}, which is not a customer export field`);
		return reader;
	});
	const now = ctx.now();
	const rows = [...ctx.state.customers.values()]
		.filter((customer) => matchesFilter(filter, factsOf(ctx, customer), now))
		.map((customer) => readers.map((read) => read(customer)));
	const record: CustomerExport = {
		id: ctx.ids.export(),
		object: 'export',
		created_at: now.toISOString(),
		status: 'DONE',
		channel: 'API',
		exported_object: 'customer',
		parameters: { fields: [...fields], ...(input.filters ? { filters: input.filters } : {}) },
		user_id: null,
		token: ctx.ids.token(),
		csv: toCsv([[...fields], ...rows]),
	};
	ctx.state.exports.set(record.id, record);
	return record;
}

/** `GET /v1/exports/{id}`. */
export function getExport(ctx: DomainContext, id: string): CustomerExport {
	const record = ctx.state.exports.get(id);
	if (!record) throw notFound('export', id);
	return record;
}

/** The CSV behind an export's `result.url`; a wrong token finds nothing, like an unknown id. */
export function exportCsv(ctx: DomainContext, id: string, token: string): string {
	const record = ctx.state.exports.get(id);
	if (!record || record.token !== token) throw notFound('export', id);
	return record.csv;
}

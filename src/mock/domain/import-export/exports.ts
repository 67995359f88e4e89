import type { DomainContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { jobPhase } from '../shared/jobs.js';
import type { ExportedObject, ExportParameters, ExportRecord } from '../shared/records.js';
import { getVoucher } from '../vouchers/vouchers.js';
import { toCsv } from './csv.js';
import { CUSTOMER_EXPORT } from './customer-exports.js';
import { exportRows, type ExportTable } from './export-table.js';
import { orderExport, redemptionExport } from './redemption-exports.js';
import { pointsExpirationExport, transactionExport } from './transaction-exports.js';
import { publicationExport, voucherExport } from './voucher-exports.js';

export type { ExportedObject, ExportParameters, ExportRecord } from '../shared/records.js';

/** `POST /v1/exports` body, read. */
export interface ExportInput {
	readonly exported_object: ExportedObject;
	readonly parameters?: ExportParameters;
}

/** An export with where its job stands: `SCHEDULED` until the job delay has passed, then `DONE`. */
export type ExportView = ExportRecord & { readonly status: 'SCHEDULED' | 'DONE' };

const tableOf = (ctx: DomainContext, object: ExportedObject): ExportTable<unknown> => {
	const tables: Record<ExportedObject, () => unknown> = {
		customer: () => CUSTOMER_EXPORT,
		voucher: () => voucherExport(ctx),
		publication: () => publicationExport(ctx),
		redemption: () => redemptionExport(ctx),
		order: orderExport,
		points_expiration: pointsExpirationExport,
		voucher_transactions: transactionExport,
	};
	return tables[object]() as ExportTable<unknown>;
};

/** Writes the file at once (a bad field or filter refuses the export and stores nothing) and stores the export. */
function storeExport(ctx: DomainContext, exported: ExportedObject, parameters: ExportParameters): ExportView {
	const csv = toCsv(exportRows(ctx, tableOf(ctx, exported), parameters));
	const record: ExportRecord = { id: ctx.ids.export(), object: 'export', created_at: ctx.now().toISOString(), channel: 'API', exported_object: exported, parameters, user_id: null, token: ctx.ids.token(), csv };
	ctx.state.exports.set(record.id, record);
	return { ...record, status: 'SCHEDULED' };
}

/** `POST /v1/exports`: answered `SCHEDULED` with `parameters` as sent. */
export const createExport = (ctx: DomainContext, input: ExportInput): ExportView => storeExport(ctx, input.exported_object, input.parameters ?? {});

/** `POST /v1/vouchers/{code}/transactions/export` body, read. */
export interface TransactionExportInput {
	readonly order?: string;
	readonly fields?: readonly string[];
}

/** `POST /v1/vouchers/{code}/transactions/export`: the card's transactions, `parameters` holding the `voucher_id` filter and only the `order`/`fields` given. */
export function exportVoucherTransactions(ctx: DomainContext, code: string, input: TransactionExportInput): ExportView {
	const voucher = getVoucher(ctx, code);
	const parameters: ExportParameters = { ...input, filters: { voucher_id: { conditions: { $in: [voucher.id] } } } };
	return storeExport(ctx, 'voucher_transactions', parameters);
}

function requireExport(ctx: DomainContext, id: string): ExportRecord {
	const record = ctx.state.exports.get(id);
	if (!record) throw notFound('export', id);
	return record;
}

const view = (ctx: DomainContext, record: ExportRecord): ExportView => ({ ...record, status: jobPhase(ctx, record.created_at) === 'done' ? 'DONE' : 'SCHEDULED' });

/** `GET /v1/exports/{id}`. */
export const getExport = (ctx: DomainContext, id: string): ExportView => view(ctx, requireExport(ctx, id));

/** `GET /v1/exports` query. */
export interface ExportListQuery {
	readonly limit: number;
	readonly page: number;
	readonly order: 'created_at' | '-created_at' | 'status' | '-status';
}

/** `GET /v1/exports`: one page in the order asked for, newest first by default; `total` counts them all. */
export function listExports(ctx: DomainContext, query: ExportListQuery): { readonly exports: ExportView[]; readonly total: number } {
	const all = [...ctx.state.exports.values()].map((record) => view(ctx, record));
	const key = query.order.replace('-', '') as 'created_at' | 'status';
	const direction = query.order.startsWith('-') ? -1 : 1;
	all.sort((left, right) => direction * left[key].localeCompare(right[key]));
	const start = (query.page - 1) * query.limit;
	return { exports: all.slice(start, start + query.limit), total: all.length };
}

/** `DELETE /v1/exports/{id}`: the export and its file are gone. */
export function deleteExport(ctx: DomainContext, id: string): void {
	requireExport(ctx, id);
	ctx.state.exports.delete(id);
}

/** The CSV behind a finished export's `result.url`; a wrong token or an unfinished export finds nothing, like an unknown id. */
export function exportCsv(ctx: DomainContext, id: string, token: string): string {
	const record = ctx.state.exports.get(id);
	if (!record || record.token !== token || jobPhase(ctx, record.created_at) !== 'done') throw notFound('export', id);
	return record.csv;
}

import type { DomainContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import type { ExportedObject } from '../shared/records.js';

/** Reads one export column of a row; `null`/`undefined` is an empty cell. */
export type ColumnReader<Row> = (row: Row) => unknown;

/**
 * What one exported object is made of: its rows, the columns the live API names for it (`parameters.fields`), the
 * columns an export that names none gets (the API reference's defaults), and how `parameters.filters` select rows.
 */
export interface ExportTable<Row> {
	readonly object: ExportedObject;
	readonly defaultFields: readonly string[];
	/** The fields the live API allows, as its `invalid_export_fields` error lists them. */
	readonly allowedFields: readonly string[];
	/** A reader for a field; tables whose fields have a pattern (`metadata.<key>`) read more than `allowedFields`. */
	reader(field: string): ColumnReader<Row> | undefined;
	/** The rows `filters` select, oldest first. */
	rows(ctx: DomainContext, filters: Readonly<Record<string, unknown>> | undefined): readonly Row[];
}

/** The live API's answer to a field it does not export. */
export const unsupportedField = (table: { readonly allowedFields: readonly string[] }): DomainError =>
	new DomainError('invalid_export_fields', 'Invalid Export', `Unsupported field used. Allowed fields: ${table.allowedFields.join(', ')}`);

/** One CSV cell: objects as JSON, booleans and numbers as written, nothing as empty. */
export const cellText = (value: unknown): string => (value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));

const compareCells = (left: unknown, right: unknown): number => {
	if (typeof left === 'number' && typeof right === 'number') return left - right;
	return cellText(left).localeCompare(cellText(right));
};

/**
 * The rows of an export, header first: `fields` (or the defaults) as columns, `order` (`field` or `-field`, any
 * field the object exports) sorting the rows, oldest first when it is absent or empty.
 */
export function exportRows<Row>(ctx: DomainContext, table: ExportTable<Row>, parameters: { readonly fields?: readonly string[]; readonly order?: string; readonly filters?: Readonly<Record<string, unknown>> }): string[][] {
	const fields = parameters.fields && parameters.fields.length > 0 ? parameters.fields : table.defaultFields;
	const readers = fields.map((field) => table.reader(field) ?? throwUnsupported(table));
	const order = parameters.order ?? '';
	const orderField = order.startsWith('-') ? order.slice(1) : order;
	const orderReader = orderField === '' ? undefined : (table.reader(orderField) ?? throwUnsupported(table));
	const rows = [...table.rows(ctx, parameters.filters)];
	if (orderReader) {
		const direction = order.startsWith('-') ? -1 : 1;
		rows.sort((left, right) => direction * compareCells(orderReader(left), orderReader(right)));
	}
	return [[...fields], ...rows.map((row) => readers.map((read) => cellText(read(row))))];
}

function throwUnsupported(table: { readonly allowedFields: readonly string[] }): never {
	throw unsupportedField(table);
}

import type { AsyncAction, ImportLine } from './async-actions.js';
import type { DomainContext } from '../shared/context.js';
import { withFields, type CustomerInput } from '../customers/customer.js';
import { addressKeyOf, metadataKeyOf, PROFILE_COLUMNS } from './customer-columns.js';
import { addCustomer, findCustomerById, saveCustomer } from '../customers/customers.js';
import { parseCsv } from './csv.js';
import { DomainError } from '../shared/errors.js';

/** Columns export writes that import reads past: they are the API's to set. */
const READ_ONLY_COLUMNS = new Set(['created_at', 'updated_at']);

const invalid = (details: string) => new DomainError('invalid_payload', 'Invalid payload', details);

function assertHeader(header: readonly string[]): void {
	if (!header.includes('source_id')) throw invalid('The CSV file must have a source_id column');
	header.forEach((column, index) => {
		const known = (PROFILE_COLUMNS as readonly string[]).includes(column) || column === 'metadata' || READ_ONLY_COLUMNS.has(column) || addressKeyOf(column) !== undefined;
		const metadataKey = metadataKeyOf(column);
		if (metadataKey !== undefined && /\s/.test(metadataKey)) throw invalid(`CSV column ${index + 1} (${column}): a metadata name cannot contain white space`);
		if (!known && metadataKey === undefined) throw invalid(`CSV column ${index + 1} (${column}) is not a customer field; custom attributes go in metadata.<name> columns`);
		if (header.indexOf(column) !== index) throw invalid(`CSV column ${column} appears more than once`);
	});
}

/** Metadata cells: `true`, `false` and `null` as the seeds say, plain numbers as numbers, anything else as text. */
function metadataValue(cell: string): unknown {
	if (cell === 'true' || cell === 'false') return cell === 'true';
	if (cell === 'null') return null;
	return /^-?(0|[1-9]\d*)(\.\d+)?$/.test(cell) ? Number(cell) : cell;
}

function parseMetadataObject(cell: string): Record<string, unknown> {
	const value: unknown = JSON.parse(cell);
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
	return value as Record<string, unknown>;
}

/** Reads one row into a customer; throws a plain message naming the cell at fault. */
function readRow(header: readonly string[], cells: readonly string[]): CustomerInput {
	if (cells.length !== header.length) throw new Error(`has ${cells.length} cells; the header has ${header.length}`);
	const fields: Record<string, string> = {};
	const address: Record<string, string> = {};
	let metadata: Record<string, unknown> = {};
	header.forEach((column, index) => {
		const cell = (cells[index] ?? '').trim();
		if (cell === '' || READ_ONLY_COLUMNS.has(column)) return;
		const addressKey = addressKeyOf(column);
		const metadataKey = metadataKeyOf(column);
		if (addressKey !== undefined) address[addressKey] = cell;
		else if (metadataKey !== undefined) metadata[metadataKey] = metadataValue(cell);
		else if (column === 'metadata') {
			try {
				metadata = { ...parseMetadataObject(cell), ...metadata };
			} catch {
				throw new Error('metadata must be a JSON object');
			}
		} else fields[column] = cell;
	});
	if (!fields.source_id) throw new Error('source_id is required');
	if (fields.email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(fields.email)) throw new Error(`email ${fields.email} is not an email address`);
	if (fields.birthdate !== undefined && Number.isNaN(Date.parse(fields.birthdate))) throw new Error(`birthdate ${fields.birthdate} is not an ISO 8601 date`);
	return { ...fields, ...(Object.keys(address).length > 0 ? { address } : {}), ...(Object.keys(metadata).length > 0 ? { metadata } : {}) };
}

/** Customer ids by source_id, built once per file: a file of thousands of rows must not scan every customer per row. */
type SourceIndex = Map<string, string>;

function importRow(ctx: DomainContext, index: SourceIndex, header: readonly string[], line: number, cells: readonly string[]): ImportLine {
	const sourceCell = cells[header.indexOf('source_id')]?.trim() || null;
	try {
		const { id, source_id: sourceId = '', ...fields } = readRow(header, cells);
		const existingId = index.get(sourceId);
		if (id !== undefined && id !== existingId) throw new Error(`id ${id} is not the customer with source_id ${sourceId}`);
		const existing = existingId === undefined ? undefined : findCustomerById(ctx, existingId);
		const customer = existing ? saveCustomer(ctx, withFields(existing, fields, ctx.now())) : addCustomer(ctx, sourceId, fields);
		index.set(sourceId, customer.id);
		return { line, status: existing ? 'UPDATED' : 'CREATED', source_id: customer.source_id, customer_id: customer.id, error: null };
	} catch (error) {
		if (!(error instanceof Error)) throw error;
		const why = error instanceof DomainError ? error.details : error.message;
		return { line, status: 'FAILED', source_id: sourceCell, customer_id: null, error: `Line ${line}: ${why}` };
	}
}

/**
 * `POST /v1/customers/importCSV`: each row creates a customer or updates the one with its
 * `source_id`; a bad row is reported by line and the good ones are kept. A file the mock cannot read
 * as a customer import at all (no `source_id` column, an unknown column) is `invalid_payload`.
 */
export function importCustomersCsv(ctx: DomainContext, text: string): AsyncAction {
	const [header, ...rows] = parseCsv(text);
	if (!header) throw invalid('The CSV file is empty');
	const columns = header.cells.map((cell) => cell.trim());
	assertHeader(columns);
	const index: SourceIndex = new Map();
	for (const customer of ctx.state.customers.values()) if (customer.source_id !== null) index.set(customer.source_id, customer.id);
	const lines = rows.map(({ line, cells }) => importRow(ctx, index, columns, line, cells));
	const count = (status: ImportLine['status']) => lines.filter((entry) => entry.status === status).length;
	const date = ctx.now().toISOString();
	const action: AsyncAction = {
		id: ctx.ids.asyncAction(),
		object: 'async_action',
		type: 'CUSTOMERS_IMPORT_CSV',
		status: 'DONE',
		progress: 100,
		created_at: date,
		updated_at: date,
		result: { created: count('CREATED'), updated: count('UPDATED'), failed: count('FAILED'), lines },
	};
	ctx.state.asyncActions.set(action.id, action);
	return action;
}

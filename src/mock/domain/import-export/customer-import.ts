import { recordAsyncAction, type AsyncAction, type ImportLine } from './async-actions.js';
import type { DomainContext } from '../shared/context.js';
import type { CustomerInput } from '../customers/customer.js';
import { importTargetOf, type ImportTarget } from './customer-columns.js';
import { addCustomer, findCustomerById, updateProfile } from '../customers/customers.js';
import { parseCsv } from './csv.js';
import { DomainError } from '../shared/errors.js';

const invalid = (details: string) => new DomainError('invalid_payload', 'Invalid payload', details);

/** Only a header the mock cannot map at all is refused: a nameless or repeated column. */
function readHeader(header: readonly string[]): ImportTarget[] {
	const seen = new Set<string>();
	return header.map((column, index) => {
		if (column === '') throw invalid(`CSV column ${index + 1} has no name`);
		const target = importTargetOf(column);
		const identity = target.kind === 'metadata' ? `metadata:${target.key}` : target.kind === 'address' ? `address:${target.key}` : target.kind === 'field' ? target.name : target.kind;
		if (seen.has(identity) && target.kind !== 'read-only') throw invalid(`CSV column ${column} appears more than once`);
		seen.add(identity);
		return target;
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
function readRow(targets: readonly ImportTarget[], cells: readonly string[]): CustomerInput {
	if (cells.length !== targets.length) throw new Error(`has ${cells.length} cells; the header has ${targets.length}`);
	const fields: Record<string, string> = {};
	const address: Record<string, string> = {};
	let metadata: Record<string, unknown> = {};
	targets.forEach((target, index) => {
		const cell = (cells[index] ?? '').trim();
		if (cell === '' || target.kind === 'read-only') return;
		if (target.kind === 'address') address[target.key] = cell;
		else if (target.kind === 'metadata') metadata[target.key] = metadataValue(cell);
		else if (target.kind === 'metadata-object') {
			try {
				metadata = { ...parseMetadataObject(cell), ...metadata };
			} catch {
				throw new Error('metadata must be a JSON object');
			}
		} else fields[target.name] = cell;
	});
	if (fields.email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(fields.email)) throw new Error(`email ${fields.email} is not an email address`);
	if (fields.birthdate !== undefined && Number.isNaN(Date.parse(fields.birthdate))) throw new Error(`birthdate ${fields.birthdate} is not an ISO 8601 date`);
	return { ...fields, ...(Object.keys(address).length > 0 ? { address } : {}), ...(Object.keys(metadata).length > 0 ? { metadata } : {}) };
}

/** Customer ids by source_id, built once per file: a file of thousands of rows must not scan every customer per row. */
type SourceIndex = Map<string, string>;

/** The customer a row updates: by `source_id` when it has one (its `id`, if any, must agree), else by `id`. */
function existingFor(ctx: DomainContext, index: SourceIndex, id: string | undefined, sourceId: string | undefined) {
	if (sourceId === undefined) {
		if (id === undefined) return undefined;
		const customer = findCustomerById(ctx, id);
		if (!customer) throw new Error(`id ${id} is not a customer`);
		return customer;
	}
	const existingId = index.get(sourceId);
	if (id !== undefined && id !== existingId) throw new Error(`id ${id} is not the customer with source_id ${sourceId}`);
	return existingId === undefined ? undefined : findCustomerById(ctx, existingId);
}

function importRow(ctx: DomainContext, index: SourceIndex, targets: readonly ImportTarget[], line: number, cells: readonly string[]): ImportLine {
	const sourceColumn = targets.findIndex((target) => target.kind === 'field' && target.name === 'source_id');
	const sourceCell = (sourceColumn < 0 ? undefined : cells[sourceColumn]?.trim()) || null;
	try {
		const { id, source_id: sourceId, ...fields } = readRow(targets, cells);
		const existing = existingFor(ctx, index, id, sourceId);
		const customer = existing ? updateProfile(ctx, existing, fields) : addCustomer(ctx, sourceId ?? null, fields);
		if (customer.source_id !== null) index.set(customer.source_id, customer.id);
		return { line, status: existing ? 'UPDATED' : 'CREATED', source_id: customer.source_id, customer_id: customer.id, error: null };
	} catch (error) {
		if (!(error instanceof Error)) throw error;
		const why = error instanceof DomainError ? error.details : error.message;
		return { line, status: 'FAILED', source_id: sourceCell, customer_id: null, error: `Line ${line}: ${why}` };
	}
}

/**
 * `POST /v1/customers/importCSV`: each row creates a customer or updates the one with its
 * `source_id` (or, with no `source_id`, its `id`); a row with neither creates a customer without a
 * `source_id`, as the live API does. A bad row is reported by line and the good ones are kept; only a
 * header with a nameless or repeated column is `invalid_payload`.
 */
export function importCustomersCsv(ctx: DomainContext, text: string): AsyncAction & { readonly type: 'CUSTOMERS_IMPORT_CSV' } {
	const [header, ...rows] = parseCsv(text);
	if (!header) throw invalid('The CSV file is empty');
	const columns = header.cells.map((cell) => cell.trim());
	const targets = readHeader(columns);
	const index: SourceIndex = new Map();
	for (const customer of ctx.state.customers.values()) if (customer.source_id !== null) index.set(customer.source_id, customer.id);
	const lines = rows.map(({ line, cells }) => importRow(ctx, index, targets, line, cells));
	const count = (status: ImportLine['status']) => lines.filter((entry) => entry.status === status).length;
	const result = { created: count('CREATED'), updated: count('UPDATED'), failed: count('FAILED'), lines };
	return { ...recordAsyncAction(ctx, { type: 'CUSTOMERS_IMPORT_CSV', result }), type: 'CUSTOMERS_IMPORT_CSV', result };
}

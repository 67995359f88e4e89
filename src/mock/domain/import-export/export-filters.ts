import type { DomainContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { cellText, unsupportedField, type ColumnReader, type ExportTable } from './export-table.js';

/** The filter operators the mock runs on the columns of an export (the customer export takes the segment language instead). */
const OPERATORS = ['$in', '$not_in', '$is', '$is_not', '$has_value', '$is_unknown', '$contains', '$starts_with', '$ends_with', '$more_than', '$less_than', '$after', '$before'] as const;
type Operator = (typeof OPERATORS)[number];

const invalid = (details: string) => new DomainError('invalid_payload', 'Invalid payload', details);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const asNumber = (text: string): number | undefined => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : undefined);

/** Whether a cell passes one operator with its values (cells and values compared as text, as numbers or dates when both read so). */
function passes(operator: Operator, cell: string, values: readonly string[]): boolean {
	const [first = ''] = values;
	const compare = (other: string) => {
		const [left, right] = [asNumber(cell), asNumber(other)];
		if (left !== undefined && right !== undefined) return left - right;
		const [leftTime, rightTime] = [Date.parse(cell), Date.parse(other)];
		return Number.isNaN(leftTime) || Number.isNaN(rightTime) ? cell.localeCompare(other) : leftTime - rightTime;
	};
	switch (operator) {
		case '$in':
		case '$is':
			return values.includes(cell);
		case '$not_in':
		case '$is_not':
			return !values.includes(cell);
		case '$has_value':
			return cell !== '';
		case '$is_unknown':
			return cell === '';
		case '$contains':
			return cell.includes(first);
		case '$starts_with':
			return cell.startsWith(first);
		case '$ends_with':
			return cell.endsWith(first);
		case '$more_than':
		case '$after':
			return cell !== '' && compare(first) > 0;
		case '$less_than':
		case '$before':
			return cell !== '' && compare(first) < 0;
	}
}

type Test<Row> = (row: Row) => boolean;

function compileField<Row>(field: string, spec: unknown, read: ColumnReader<Row>): Test<Row> {
	const conditions = isRecord(spec) ? spec.conditions : undefined;
	if (!isRecord(conditions) || Object.keys(conditions).length === 0) throw invalid(`parameters.filters.${field} must be {conditions: {<operator>: [values]}}`);
	const tests = Object.entries(conditions).map(([operator, raw]): Test<Row> => {
		if (!(OPERATORS as readonly string[]).includes(operator)) throw invalid(`parameters.filters.${field}.conditions.${operator} is not an operator the mock knows (${OPERATORS.join(', ')})`);
		const listed = Array.isArray(raw) ? raw : [raw];
		if (listed.some((value) => value !== null && typeof value === 'object')) throw invalid(`parameters.filters.${field}.conditions.${operator} must be a value or a list of values`);
		const values = listed.map(cellText);
		return (row) => passes(operator as Operator, cellText(read(row)), values);
	});
	return (row) => tests.every((test) => test(row));
}

/**
 * `parameters.filters` of an export other than customers: `{junction?: 'and'|'or', <field>: {conditions: {<operator>:
 * [values]}}}` over the fields the object exports. An unknown field is `invalid_export_fields`, an unknown operator `invalid_payload`.
 */
export function compileColumnFilter<Row>(table: ExportTable<Row>, filters: Readonly<Record<string, unknown>> | undefined): Test<Row> {
	if (filters === undefined) return () => true;
	const { junction = 'and', ...fields } = filters;
	if (typeof junction !== 'string' || !['and', 'or'].includes(junction.toLowerCase())) throw invalid('parameters.filters.junction must be "and" or "or"');
	const tests = Object.entries(fields).map(([field, spec]) => {
		const read = table.reader(field);
		if (!read) throw unsupportedField(table);
		return compileField(field, spec, read);
	});
	return junction.toLowerCase() === 'or' ? (row) => tests.some((test) => test(row)) : (row) => tests.every((test) => test(row));
}

/** A table of fixed columns whose rows `filters` select with {@link compileColumnFilter}. */
export function columnTable<Row>(definition: {
	readonly object: ExportTable<Row>['object'];
	readonly defaultFields: readonly string[];
	readonly columns: Readonly<Record<string, ColumnReader<Row>>>;
	readonly source: (ctx: DomainContext) => readonly Row[];
}): ExportTable<Row> {
	const { columns } = definition;
	const table: ExportTable<Row> = {
		object: definition.object,
		defaultFields: definition.defaultFields,
		allowedFields: Object.keys(columns),
		reader: (field) => (Object.hasOwn(columns, field) ? columns[field] : undefined),
		rows: (ctx, filters) => {
			const selected = compileColumnFilter(table, filters);
			return definition.source(ctx).filter(selected);
		},
	};
	return table;
}

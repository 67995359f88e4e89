import { DomainError } from '../shared/errors.js';
import { resolveField, type CustomerFacts, type FieldFamily, type FieldSpec } from './fields.js';

/** The operators of the seeds' "Segment operators reference". */
export type Operator =
	| '$is'
	| '$is_not'
	| '$has_value'
	| '$is_unknown'
	| '$starts_with'
	| '$ends_with'
	| '$contains'
	| '$less_than'
	| '$more_than'
	| '$before'
	| '$after';

const PRESENCE: readonly Operator[] = ['$has_value', '$is_unknown'];
const TEXT: readonly Operator[] = ['$is', '$is_not', '$starts_with', '$ends_with', '$contains'];
const ORDER: readonly Operator[] = ['$less_than', '$more_than'];
const DATES: readonly Operator[] = ['$before', '$after'];

/** Which operators each family takes. On a date, `$less_than: [30]` means "less than 30 days ago". */
export const OPERATORS_BY_FAMILY: Readonly<Record<FieldFamily, readonly Operator[]>> = {
	text: [...TEXT, ...PRESENCE],
	number: ['$is', '$is_not', ...ORDER, ...PRESENCE],
	date: [...DATES, ...ORDER, ...PRESENCE],
	any: [...TEXT, ...ORDER, ...DATES, ...PRESENCE],
};

type Scalar = string | number | boolean;

/** One operator on one field, its values checked and normalised. */
interface Condition {
	readonly operator: Operator;
	readonly values: readonly Scalar[];
}

/** A filter checked once, ready to run against any number of customers. */
export interface CompiledFilter {
	readonly junction: 'and' | 'or';
	readonly fields: readonly { readonly name: string; readonly spec: FieldSpec; readonly junction: 'and' | 'or'; readonly conditions: readonly Condition[] }[];
}

const DAY_MS = 86_400_000;

const invalid = (details: string) => new DomainError('invalid_payload', 'Invalid payload', details);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const asNumber = (value: unknown): number | undefined => {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
};
const asTime = (value: unknown): number | undefined => {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const time = Date.parse(value);
	return Number.isNaN(time) ? undefined : time;
};

function readValues(family: FieldFamily, operator: Operator, raw: unknown, path: string): Scalar[] {
	if (PRESENCE.includes(operator)) {
		if (raw !== true && !Array.isArray(raw)) throw invalid(`${path} must be true`);
		return [];
	}
	if (!Array.isArray(raw) || raw.length === 0) throw invalid(`${path} must be a non-empty list of values`);
	return raw.map((value, index) => {
		if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw invalid(`${path}[${index}] must be a string or a number`);
		const numeric = family === 'number' || (family === 'date' && ORDER.includes(operator));
		if (numeric && asNumber(value) === undefined) throw invalid(`${path}[${index}] must be a number`);
		if (DATES.includes(operator) && asTime(value) === undefined) throw invalid(`${path}[${index}] must be an ISO 8601 date`);
		return numeric ? (asNumber(value) as number) : value;
	});
}

function readJunction(junction: unknown, path: string): 'and' | 'or' {
	const lowered = typeof junction === 'string' ? junction.toLowerCase() : junction;
	if (lowered !== 'and' && lowered !== 'or') throw invalid(`${path}.junction must be "and" or "or"`);
	return lowered;
}

/**
 * Checks a filter (`{junction, <field>: {conditions: {<operator>: [values] | true}, junction?}}`) and compiles it.
 * An unknown field, an operator the field does not take or a malformed value is `invalid_payload`
 * naming it. `path` prefixes the names in messages.
 */
export function compileFilter(value: unknown, path = 'filter', { allowEmpty = false } = {}): CompiledFilter {
	if (!isRecord(value)) throw invalid(`${path} must be an object`);
	const { junction = 'and', ...named } = value;
	const lowered = readJunction(junction, path);
	const fields = Object.entries(named).map(([name, entry]) => {
		const spec = resolveField(name);
		if (!spec) throw invalid(`${path} names the unknown field ${name}`);
		const fieldPath = `${path}.${name}`;
		if (!isRecord(entry) || !isRecord(entry.conditions) || Object.keys(entry.conditions).length === 0) {
			throw invalid(`${fieldPath}.conditions must be an object with at least one operator`);
		}
		const conditions = Object.entries(entry.conditions).map(([operator, raw]): Condition => {
			if (!(OPERATORS_BY_FAMILY[spec.family] as readonly string[]).includes(operator)) {
				throw invalid(`${fieldPath} does not take the operator ${operator}; it takes ${OPERATORS_BY_FAMILY[spec.family].join(', ')}`);
			}
			return { operator: operator as Operator, values: readValues(spec.family, operator as Operator, raw, `${fieldPath}.conditions.${operator}`) };
		});
		return { name, spec, junction: readJunction(entry.junction ?? 'and', fieldPath), conditions };
	});
	if (fields.length === 0 && !allowEmpty) throw invalid(`${path} must name at least one field`);
	return { junction: lowered, fields };
}

const isUnknown = (value: unknown): boolean => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

function sameValue(actual: unknown, expected: Scalar): boolean {
	if (typeof actual === 'number' || typeof expected === 'number') return asNumber(actual) !== undefined && asNumber(actual) === asNumber(expected);
	return String(actual) === String(expected);
}

/** One condition against one scalar value (a list value matches when one of its entries does). */
function holdsFor(actual: unknown, { operator, values }: Condition, family: FieldFamily, now: Date): boolean {
	const text = String(actual);
	switch (operator) {
		case '$is':
			return values.some((expected) => sameValue(actual, expected));
		case '$starts_with':
			return values.some((expected) => text.startsWith(String(expected)));
		case '$ends_with':
			return values.some((expected) => text.endsWith(String(expected)));
		case '$contains':
			return values.some((expected) => text.includes(String(expected)));
		case '$before':
		case '$after': {
			const time = asTime(actual);
			if (time === undefined) return false;
			return values.some((expected) => (operator === '$before' ? time < (asTime(expected) ?? NaN) : time > (asTime(expected) ?? NaN)));
		}
		case '$less_than':
		case '$more_than': {
			// A date compares by how many days ago it was: "last order less than 30 days ago".
			const measured = family === 'date' ? (now.getTime() - (asTime(actual) ?? NaN)) / DAY_MS : asNumber(actual);
			if (measured === undefined || Number.isNaN(measured)) return false;
			return values.some((expected) => (operator === '$less_than' ? measured < Number(expected) : measured > Number(expected)));
		}
		default:
			return false;
	}
}

function holds(actual: unknown, condition: Condition, family: FieldFamily, now: Date): boolean {
	if (condition.operator === '$has_value') return !isUnknown(actual);
	if (condition.operator === '$is_unknown') return isUnknown(actual);
	if (condition.operator === '$is_not') return !holds(actual, { ...condition, operator: '$is' }, family, now);
	if (isUnknown(actual)) return false;
	const entries: readonly unknown[] = Array.isArray(actual) ? actual : [actual];
	return entries.some((entry) => holdsFor(entry, condition, family, now));
}

/** Whether a customer matches a compiled filter at `now`. The conditions of one field are joined by its own `junction` (default "and"). */
export function matchesFilter(filter: CompiledFilter, facts: CustomerFacts, now: Date): boolean {
	if (filter.fields.length === 0) return true;
	const fieldHolds = ({ spec, junction, conditions }: CompiledFilter['fields'][number]) => {
		const actual = spec.read(facts);
		const conditionHolds = (condition: Condition) => holds(actual, condition, spec.family, now);
		return junction === 'and' ? conditions.every(conditionHolds) : conditions.some(conditionHolds);
	};
	return filter.junction === 'and' ? filter.fields.every(fieldHolds) : filter.fields.some(fieldHolds);
}

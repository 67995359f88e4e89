import type { Customer } from '../customers/customer.js';

/** What a filter reads about one customer besides the profile itself. */
export interface CustomerFacts {
	readonly customer: Customer;
	/** How many times the customer tracked each custom event, by event name. */
	readonly eventCounts: Readonly<Record<string, number>>;
}

/**
 * The kind of value a field holds, which decides the operators it takes. `any` is metadata: its
 * values are whatever the shop stored, so every operator applies and compares by the value's kind.
 */
export type FieldFamily = 'text' | 'number' | 'date' | 'any';

/** A field a filter may name: its family and how to read it. */
export interface FieldSpec {
	readonly family: FieldFamily;
	readonly read: (facts: CustomerFacts) => unknown;
}

/** The keys of `address` the API allows. */
export const ADDRESS_KEYS = ['city', 'state', 'line_1', 'line_2', 'country', 'postal_code'] as const;

const field = (family: FieldFamily, read: (facts: CustomerFacts) => unknown): FieldSpec => ({ family, read });
const summaryField = (read: (summary: Customer['summary']) => unknown) => field('number', ({ customer }) => read(customer.summary));

const FIXED_FIELDS: Readonly<Record<string, FieldSpec>> = {
	name: field('text', ({ customer }) => customer.name),
	email: field('text', ({ customer }) => customer.email),
	phone: field('text', ({ customer }) => customer.phone),
	description: field('text', ({ customer }) => customer.description),
	source_id: field('text', ({ customer }) => customer.source_id),
	created_at: field('date', ({ customer }) => customer.created_at),
	updated_at: field('date', ({ customer }) => customer.updated_at),
	birthdate: field('date', ({ customer }) => customer.birthdate),
	'summary.orders.total_amount': summaryField((summary) => summary.orders.total_amount),
	'summary.orders.total_count': summaryField((summary) => summary.orders.total_count),
	'summary.orders.average_amount': summaryField((summary) => summary.orders.average_amount),
	'summary.orders.last_order_amount': summaryField((summary) => summary.orders.last_order_amount),
	'summary.orders.last_order_date': field('date', ({ customer }) => customer.summary.orders.last_order_date),
	'summary.redemptions.total_redeemed': summaryField((summary) => summary.redemptions.total_redeemed),
	'summary.redemptions.total_failed': summaryField((summary) => summary.redemptions.total_failed),
	'summary.redemptions.total_succeeded': summaryField((summary) => summary.redemptions.total_succeeded),
	'summary.redemptions.total_rolled_back': summaryField((summary) => summary.redemptions.total_rolled_back),
	'summary.redemptions.total_rollback_failed': summaryField((summary) => summary.redemptions.total_rollback_failed),
	'summary.redemptions.total_rollback_succeeded': summaryField((summary) => summary.redemptions.total_rollback_succeeded),
	'summary.redemptions.gift.redeemed_amount': summaryField((summary) => summary.redemptions.gift.redeemed_amount),
	'summary.redemptions.gift.amount_to_go': summaryField((summary) => summary.redemptions.gift.amount_to_go),
	'summary.redemptions.loyalty_card.redeemed_points': summaryField((summary) => summary.redemptions.loyalty_card.redeemed_points),
	'summary.redemptions.loyalty_card.points_to_go': summaryField((summary) => summary.redemptions.loyalty_card.points_to_go),
	// The mock runs no referral programme, so nobody has referred anyone yet.
	'loyalty.referred_customers': field('number', () => 0),
};

/** Reads `a.b.c` inside an object; a key that itself contains dots is tried whole first. */
function readPath(value: unknown, path: string): unknown {
	if (typeof value !== 'object' || value === null) return undefined;
	const record = value as Record<string, unknown>;
	if (path in record) return record[path];
	const dot = path.indexOf('.');
	return dot === -1 ? undefined : readPath(record[path.slice(0, dot)], path.slice(dot + 1));
}

const EVENT_COUNT = /^events\.(.+)\.count$/;

/** The field a filter names, or `undefined` when the filter language has no such field. */
export function resolveField(name: string): FieldSpec | undefined {
	const fixed = FIXED_FIELDS[name];
	if (fixed) return fixed;
	if (name.startsWith('address.')) {
		const key = name.slice('address.'.length);
		return (ADDRESS_KEYS as readonly string[]).includes(key) ? field('text', ({ customer }) => customer.address?.[key]) : undefined;
	}
	if (name.startsWith('metadata.') && name.length > 'metadata.'.length) {
		const path = name.slice('metadata.'.length);
		return field('any', ({ customer }) => readPath(customer.metadata, path));
	}
	if (name.startsWith('system_metadata.') && name.length > 'system_metadata.'.length) {
		const path = name.slice('system_metadata.'.length);
		return field('any', ({ customer }) => readPath(customer.system_metadata, path));
	}
	const event = EVENT_COUNT.exec(name)?.[1];
	return event === undefined ? undefined : field('number', ({ eventCounts }) => eventCounts[event] ?? 0);
}

/** The fixed field names, for documentation and error messages. */
export const FIXED_FIELD_NAMES: readonly string[] = Object.keys(FIXED_FIELDS);

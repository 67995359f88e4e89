import type { Customer } from '../customers/customer.js';
import { ADDRESS_KEYS } from '../segments/fields.js';

/** The export fields of the real API that read a number or date out of the summary. */
const SUMMARY_COLUMNS: Readonly<Record<string, (customer: Customer) => unknown>> = {
	redemptions_total_redeemed: (customer) => customer.summary.redemptions.total_redeemed,
	redemptions_total_failed: (customer) => customer.summary.redemptions.total_failed,
	redemptions_total_succeeded: (customer) => customer.summary.redemptions.total_succeeded,
	redemptions_total_rolled_back: (customer) => customer.summary.redemptions.total_rolled_back,
	redemptions_total_rollback_failed: (customer) => customer.summary.redemptions.total_rollback_failed,
	redemptions_total_rollback_succeeded: (customer) => customer.summary.redemptions.total_rollback_succeeded,
	orders_total_amount: (customer) => customer.summary.orders.total_amount,
	orders_total_count: (customer) => customer.summary.orders.total_count,
	orders_average_amount: (customer) => customer.summary.orders.average_amount,
	orders_last_order_amount: (customer) => customer.summary.orders.last_order_amount,
	orders_last_order_date: (customer) => customer.summary.orders.last_order_date,
	loyalty_points: () => 0,
	loyalty_referred_customers: () => 0,
};

/** Profile columns both import and export know. */
export const PROFILE_COLUMNS = ['id', 'source_id', 'name', 'email', 'phone', 'description', 'birthdate'] as const;

/** The address key a column names (`address_city` as the real API, or `address.city`), if it names one. */
export function addressKeyOf(column: string): string | undefined {
	const match = /^address[._](.+)$/.exec(column);
	return match?.[1] !== undefined && (ADDRESS_KEYS as readonly string[]).includes(match[1]) ? match[1] : undefined;
}

/** The metadata key of a `metadata.<key>` column. */
export const metadataKeyOf = (column: string): string | undefined => (column.startsWith('metadata.') && column.length > 9 ? column.slice(9) : undefined);

/** Where an import column's cells go. */
export type ImportTarget =
	| { readonly kind: 'field'; readonly name: (typeof PROFILE_COLUMNS)[number] }
	| { readonly kind: 'address'; readonly key: string }
	| { readonly kind: 'metadata'; readonly key: string }
	| { readonly kind: 'metadata-object' }
	| { readonly kind: 'read-only' };

/** The API reference's template spells the address keys `Postal_Code`, `City`, `State`, `Country` too. */
const SHORT_ADDRESS_KEYS = new Set(['postal_code', 'city', 'state', 'country']);

/**
 * Where an import column goes, its header matched without regard to case (`Source_id`, `Address_City`,
 * `City`, `metadata.tier`); a header naming no standard field is a metadata key under its own name, as the
 * API reference says.
 */
export function importTargetOf(column: string): ImportTarget {
	const lower = column.toLowerCase();
	if ((PROFILE_COLUMNS as readonly string[]).includes(lower)) return { kind: 'field', name: lower as (typeof PROFILE_COLUMNS)[number] };
	if (lower === 'created_at' || lower === 'updated_at') return { kind: 'read-only' };
	if (lower === 'metadata') return { kind: 'metadata-object' };
	const addressKey = addressKeyOf(lower) ?? (SHORT_ADDRESS_KEYS.has(lower) ? lower : undefined);
	if (addressKey !== undefined) return { kind: 'address', key: addressKey };
	const metadataKey = lower.startsWith('metadata.') ? metadataKeyOf(`metadata.${column.slice(9)}`) : undefined;
	return { kind: 'metadata', key: metadataKey ?? column };
}

const text = (value: unknown): string => (value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** How to read one export column of a customer as CSV text; `undefined` when the export knows no such column. */
export function columnReader(column: string): ((customer: Customer) => string) | undefined {
	if ((PROFILE_COLUMNS as readonly string[]).includes(column)) return (customer) => text(customer[column as (typeof PROFILE_COLUMNS)[number]]);
	if (column === 'birthday') return (customer) => text(customer.birthdate);
	if (column === 'created_at' || column === 'updated_at') return (customer) => text(customer[column]);
	if (column === 'metadata') return (customer) => (Object.keys(customer.metadata).length === 0 ? '' : JSON.stringify(customer.metadata));
	const addressKey = addressKeyOf(column);
	if (addressKey !== undefined) return (customer) => text(customer.address?.[addressKey]);
	const metadataKey = metadataKeyOf(column);
	if (metadataKey !== undefined) return (customer) => text(customer.metadata[metadataKey]);
	const summary = SUMMARY_COLUMNS[column];
	return summary && ((customer) => text(summary(customer)));
}

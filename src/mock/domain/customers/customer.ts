import type { Metadata } from '../orders/order.js';

/** Customer attributes a caller may set. `null` clears one. */
export interface CustomerFields {
	readonly name?: string | null;
	readonly email?: string | null;
	readonly phone?: string | null;
	readonly description?: string | null;
	readonly birthdate?: string | null;
	readonly address?: Readonly<Record<string, string | null>> | null;
	/** Merged key by key into the stored metadata. */
	readonly metadata?: Metadata;
}

/** A customer reference as requests carry it: `id` or `source_id`, plus fields to upsert. */
export interface CustomerInput extends CustomerFields {
	readonly id?: string;
	readonly source_id?: string;
}

/** A consent given or withdrawn, as stored under `system_metadata.consents`. */
export interface ConsentValue {
	readonly date: string;
	readonly value: boolean;
}

/** The customer statistics the API keeps. `validations` is ours (see CONTRACT §5). */
export interface CustomerSummary {
	readonly redemptions: {
		readonly total_redeemed: number;
		readonly total_failed: number;
		readonly total_succeeded: number;
		readonly total_rolled_back: number;
		readonly total_rollback_failed: number;
		readonly total_rollback_succeeded: number;
		readonly gift: { readonly redeemed_amount: number; readonly amount_to_go: number };
		readonly loyalty_card: { readonly redeemed_points: number; readonly points_to_go: number };
	};
	readonly orders: {
		readonly total_amount: number;
		readonly total_count: number;
		readonly average_amount: number;
		readonly last_order_amount: number;
		readonly last_order_date: string | null;
	};
	readonly validations: { readonly total_succeeded: number; readonly total_failed: number };
}

/** A customer as the API answers it. */
export interface Customer {
	readonly id: string;
	readonly object: 'customer';
	readonly source_id: string | null;
	readonly name: string | null;
	readonly email: string | null;
	readonly phone: string | null;
	readonly description: string | null;
	readonly birthdate: string | null;
	readonly address: Readonly<Record<string, string | null>> | null;
	readonly metadata: Metadata;
	readonly system_metadata: { readonly consents: Readonly<Record<string, ConsentValue>> };
	readonly summary: CustomerSummary;
	readonly created_at: string;
	readonly updated_at: string | null;
}

/** The short customer object redemptions, publications and events embed. */
export interface CustomerReference {
	readonly id: string | null;
	readonly source_id: string | null;
	readonly name?: string | null;
	readonly email?: string | null;
	readonly object: 'customer';
}

/** The summary of a customer with no history. */
export const emptySummary = (): CustomerSummary => ({
	redemptions: {
		total_redeemed: 0,
		total_failed: 0,
		total_succeeded: 0,
		total_rolled_back: 0,
		total_rollback_failed: 0,
		total_rollback_succeeded: 0,
		gift: { redeemed_amount: 0, amount_to_go: 0 },
		loyalty_card: { redeemed_points: 0, points_to_go: 0 },
	},
	orders: { total_amount: 0, total_count: 0, average_amount: 0, last_order_amount: 0, last_order_date: null },
	validations: { total_succeeded: 0, total_failed: 0 },
});

/** A new customer. */
export function createCustomer(id: string, sourceId: string | null, fields: CustomerFields, now: Date): Customer {
	return {
		id,
		object: 'customer',
		source_id: sourceId,
		name: fields.name ?? null,
		email: fields.email ?? null,
		phone: fields.phone ?? null,
		description: fields.description ?? null,
		birthdate: fields.birthdate ?? null,
		address: fields.address ?? null,
		metadata: withoutNulls({}, fields.metadata),
		system_metadata: { consents: {} },
		summary: emptySummary(),
		created_at: now.toISOString(),
		updated_at: null,
	};
}

/** `stored` with `given` merged in key by key; a `null` value clears its key. */
function withoutNulls(stored: Metadata, given: Metadata | undefined): Metadata {
	if (given === undefined) return stored;
	const merged: Record<string, unknown> = { ...stored, ...given };
	for (const [key, value] of Object.entries(given)) if (value === null) delete merged[key];
	return merged;
}

const FIELD_NAMES = ['name', 'email', 'phone', 'description', 'birthdate', 'address'] as const;

/** The customer with the given fields upserted. `id` and `source_id` never change here. */
export function withFields(customer: Customer, fields: CustomerFields, now: Date): Customer {
	const given = Object.fromEntries(FIELD_NAMES.filter((name) => fields[name] !== undefined).map((name) => [name, fields[name]]));
	if (Object.keys(given).length === 0 && fields.metadata === undefined) return customer;
	return {
		...customer,
		...given,
		metadata: withoutNulls(customer.metadata, fields.metadata),
		updated_at: now.toISOString(),
	};
}

/** The short form embedded in other objects. */
export const referenceTo = (customer: Customer): CustomerReference => ({
	id: customer.id,
	source_id: customer.source_id,
	name: customer.name,
	email: customer.email,
	object: 'customer',
});

/** A customer as the API answers it: with no metadata, the live API answers no `metadata` key at all. */
export type PresentedCustomer = Omit<Customer, 'metadata'> & { readonly metadata?: Metadata };

/** The answer's form of a stored customer (the domain keeps `metadata: {}` so filters can read it). */
export function presentCustomer(customer: Customer): PresentedCustomer {
	const { metadata, ...rest } = customer;
	return Object.keys(metadata).length === 0 ? rest : customer;
}

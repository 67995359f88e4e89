import type { Customer } from '../customers/customer.js';
import { columnReader } from './customer-columns.js';
import { compileFilter, matchesFilter } from '../segments/filter.js';
import { factsOf } from '../segments/segments.js';
import type { ExportTable } from './export-table.js';

/** The customer fields the live API exports (`metadata.<key>` and the dotted address forms are read too). */
const CUSTOMER_FIELDS = [
	'name',
	'id',
	'description',
	'email',
	'source_id',
	'created_at',
	'address_city',
	'address_state',
	'address_line_1',
	'address_line_2',
	'address_country',
	'address_postal_code',
	'redemptions_total_redeemed',
	'redemptions_total_failed',
	'redemptions_total_succeeded',
	'redemptions_total_rolled_back',
	'redemptions_total_rollback_failed',
	'redemptions_total_rollback_succeeded',
	'orders_total_amount',
	'orders_total_count',
	'orders_average_amount',
	'orders_last_order_amount',
	'orders_last_order_date',
	'loyalty_points',
	'loyalty_referred_customers',
	'updated_at',
	'phone',
	'birthday',
	'metadata',
	'birthdate',
] as const;

/**
 * Customers, oldest first, dates in UTC as stored. `filters` use the segment filter language (CONTRACT §7), so an
 * unknown field or operator is `invalid_payload` naming it.
 */
export const CUSTOMER_EXPORT: ExportTable<Customer> = {
	object: 'customer',
	defaultFields: ['name', 'source_id'],
	allowedFields: CUSTOMER_FIELDS,
	reader: (field) => {
		const read = columnReader(field);
		return read && ((customer: Customer) => read(customer));
	},
	rows: (ctx, filters) => {
		const filter = compileFilter(filters ?? {}, 'parameters.filters', { allowEmpty: true });
		const now = ctx.now();
		return [...ctx.state.customers.values()].filter((customer) => matchesFilter(filter, factsOf(ctx, customer), now));
	},
};

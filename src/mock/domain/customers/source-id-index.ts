import type { Customer } from './customer.js';

type Customers = ReadonlyMap<string, Customer>;

/**
`source_id` → customer id for each customers Map, so finding a visitor's customer costs the same at 50,000 customers
as at none. Built by one scan on first use, then kept current by the domain's only writers (`saveCustomer`,
`deleteCustomer`); whatever changes the Map behind them (a reset, a journal undo) forgets it, and the next lookup
rebuilds it. The first customer with a `source_id` wins, as the scan it replaces did.
*/
const indexes = new WeakMap<Customers, Map<string, string>>();

export function sourceIdIndex(customers: Customers): Map<string, string> {
	let index = indexes.get(customers);
	if (!index) {
		index = new Map();
		for (const customer of customers.values()) if (customer.source_id !== null && !index.has(customer.source_id)) index.set(customer.source_id, customer.id);
		indexes.set(customers, index);
	}
	return index;
}

export const forgetSourceIdIndex = (customers: Customers): void => void indexes.delete(customers);

/** After `customer` was stored in place of `previous` (absent for a new one). */
export function indexSaved(customers: Customers, previous: Customer | undefined, customer: Customer): void {
	const index = indexes.get(customers);
	if (!index) return;
	if (previous?.source_id && previous.source_id !== customer.source_id && index.get(previous.source_id) === customer.id) {
		// Another customer may share the old source_id: only a scan can tell which comes first now.
		forgetSourceIdIndex(customers);
		return;
	}
	if (customer.source_id !== null && !index.has(customer.source_id)) index.set(customer.source_id, customer.id);
}

/** After `customer` was deleted. */
export function indexDeleted(customers: Customers, customer: Customer): void {
	if (customer.source_id !== null && indexes.get(customers)?.get(customer.source_id) === customer.id) forgetSourceIdIndex(customers);
}

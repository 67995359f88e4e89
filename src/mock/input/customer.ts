import type { CustomerInput } from '../domain/customers/customer.js';
import type { InputReader } from './reader.js';

function readAddress(read: InputReader, value: unknown, path: string): Record<string, string | null> | null | undefined {
	if (value === null) return null;
	const address = read.object(value, path);
	if (!address) return undefined;
	return Object.fromEntries(Object.entries(address).map(([key, line]) => [key, read.nullableString(line, `${path}.${key}`) ?? null]));
}

/** Reads a customer object; in a query, `customer=<string>` is the shortcut for `customer[source_id]`. */
export function readCustomer(read: InputReader, value: unknown, path = 'customer'): CustomerInput | undefined {
	if (read.source === 'query' && typeof value === 'string') return value === '' ? undefined : { source_id: value };
	const customer = read.object(value, path);
	if (!customer) return undefined;
	const fields = {
		id: read.string(customer.id, `${path}.id`),
		source_id: read.string(customer.source_id, `${path}.source_id`),
		name: read.nullableString(customer.name, `${path}.name`),
		email: read.nullableString(customer.email, `${path}.email`),
		phone: read.nullableString(customer.phone, `${path}.phone`),
		description: read.nullableString(customer.description, `${path}.description`),
		birthdate: read.nullableString(customer.birthdate, `${path}.birthdate`),
		address: readAddress(read, customer.address, `${path}.address`),
		metadata: read.metadata(customer.metadata, `${path}.metadata`),
	};
	return Object.fromEntries(Object.entries(fields).filter(([, field]) => field !== undefined && field !== '')) as CustomerInput;
}

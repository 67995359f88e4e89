import { describe, expect, test } from 'vitest';
import { createCustomer, type Customer } from '../../src/mock/domain/customers/customer.js';
import { isDomainError } from '../../src/mock/domain/shared/errors.js';
import { compileFilter, matchesFilter } from '../../src/mock/domain/segments/filter.js';

// The filter evaluator on its own: one operator and one field family per test, on a fixed clock.
const NOW = new Date('2025-06-01T12:00:00Z');

function customer(fields: Partial<Customer> = {}): Customer {
	return { ...createCustomer('cust_test', 'src-1', {}, new Date('2025-01-15T00:00:00Z')), ...fields };
}

const withOrders = (orders: Partial<Customer['summary']['orders']>): Customer => {
	const base = customer();
	return { ...base, summary: { ...base.summary, orders: { ...base.summary.orders, ...orders } } };
};

/** Whether a customer matches `{[field]: {conditions}}`. */
const matches = (field: string, conditions: Record<string, unknown>, who: Customer, eventCounts: Record<string, number> = {}) =>
	matchesFilter(compileFilter({ [field]: { conditions } }), { customer: who, eventCounts }, NOW);

/** The `details` of the error a filter is rejected with. */
function rejection(filter: unknown): string {
	try {
		compileFilter(filter);
	} catch (error) {
		if (isDomainError(error) && error.key === 'invalid_payload') return error.details;
		throw error;
	}
	throw new Error('the filter was accepted');
}

describe('text fields', () => {
	test('$is matches any of the values, exactly', () => {
		expect(matches('address.city', { $is: ['Berlin', 'Warsaw'] }, customer({ address: { city: 'Warsaw' } }))).toBe(true);
		expect(matches('address.city', { $is: ['Berlin'] }, customer({ address: { city: 'berlin' } }))).toBe(false);
	});

	test('$is_not holds when none of the values matches, and for an unknown value', () => {
		expect(matches('address.postal_code', { $is_not: ['32-857'] }, customer({ address: { postal_code: '10-100' } }))).toBe(true);
		expect(matches('address.postal_code', { $is_not: ['32-857'] }, customer({ address: { postal_code: '32-857' } }))).toBe(false);
		expect(matches('address.postal_code', { $is_not: ['32-857'] }, customer())).toBe(true);
	});

	test('$starts_with, $ends_with and $contains compare text', () => {
		const who = customer({ email: 'ann@voucherify.io', phone: '48600100200', name: 'Ann Berlin' });
		expect(matches('phone', { $starts_with: ['48'] }, who)).toBe(true);
		expect(matches('phone', { $starts_with: ['49'] }, who)).toBe(false);
		expect(matches('email', { $ends_with: ['voucherify.io'] }, who)).toBe(true);
		expect(matches('email', { $ends_with: ['.com'] }, who)).toBe(false);
		expect(matches('name', { $contains: ['Berl'] }, who)).toBe(true);
		expect(matches('name', { $contains: ['Paris'] }, who)).toBe(false);
	});

	test('$has_value and $is_unknown tell a set field from a missing, null or empty one', () => {
		expect(matches('name', { $has_value: true }, customer({ name: 'Ann' }))).toBe(true);
		expect(matches('name', { $has_value: true }, customer({ name: '' }))).toBe(false);
		expect(matches('address.country', { $is_unknown: true }, customer())).toBe(true);
		expect(matches('address.country', { $is_unknown: true }, customer({ address: { country: 'DE' } }))).toBe(false);
	});

	test('source_id is a text field', () => {
		expect(matches('source_id', { $starts_with: ['746'] }, customer({ source_id: '746-1' }))).toBe(true);
		expect(matches('source_id', { $starts_with: ['746'] }, customer({ source_id: '1-746' }))).toBe(false);
	});
});

describe('dates', () => {
	test('$before and $after compare with an ISO date', () => {
		expect(matches('created_at', { $before: ['2025-02-01T00:00:00Z'] }, customer())).toBe(true);
		expect(matches('created_at', { $before: ['2025-01-01T00:00:00Z'] }, customer())).toBe(false);
		expect(matches('created_at', { $after: ['2025-01-01T00:00:00Z'] }, customer())).toBe(true);
		expect(matches('created_at', { $after: ['2025-02-01T00:00:00Z'] }, customer())).toBe(false);
	});

	test('$less_than and $more_than on a date count days ago', () => {
		const recent = withOrders({ last_order_date: '2025-05-20T12:00:00Z' });
		expect(matches('summary.orders.last_order_date', { $less_than: [30] }, recent)).toBe(true);
		expect(matches('summary.orders.last_order_date', { $less_than: [10] }, recent)).toBe(false);
		expect(matches('summary.orders.last_order_date', { $more_than: [10] }, recent)).toBe(true);
	});

	test('a date never set matches neither $before nor $after, but $is_unknown', () => {
		expect(matches('summary.orders.last_order_date', { $before: ['2030-01-01T00:00:00Z'] }, customer())).toBe(false);
		expect(matches('summary.orders.last_order_date', { $after: ['2000-01-01T00:00:00Z'] }, customer())).toBe(false);
		expect(matches('summary.orders.last_order_date', { $is_unknown: true }, customer())).toBe(true);
	});
});

describe('numbers: summary.*, events and referrals', () => {
	test('$more_than and $less_than compare numbers, and numeric strings count as numbers', () => {
		const who = withOrders({ total_amount: 45_000, total_count: 2 });
		expect(matches('summary.orders.total_amount', { $more_than: [40_000] }, who)).toBe(true);
		expect(matches('summary.orders.total_amount', { $more_than: [50_000] }, who)).toBe(false);
		expect(matches('summary.orders.total_count', { $less_than: ['3'] }, who)).toBe(true);
		expect(matches('summary.orders.total_count', { $less_than: [2] }, who)).toBe(false);
	});

	test('$is and $is_not compare numbers by value', () => {
		const who = customer();
		expect(matches('summary.redemptions.total_succeeded', { $is: [0] }, who)).toBe(true);
		expect(matches('summary.redemptions.total_succeeded', { $is: ['3'] }, who)).toBe(false);
		expect(matches('summary.redemptions.total_succeeded', { $is_not: [3] }, who)).toBe(true);
	});

	test('events.<name>.count counts the custom events the customer tracked', () => {
		expect(matches('events.cart_abandoned.count', { $is: ['1'] }, customer(), { cart_abandoned: 1 })).toBe(true);
		expect(matches('events.cart_abandoned.count', { $is: ['1'] }, customer(), { cart_abandoned: 2 })).toBe(false);
		expect(matches('events.cart_abandoned.count', { $is: [0] }, customer(), {})).toBe(true);
	});

	test('gift amounts and referred customers are numbers too', () => {
		expect(matches('summary.redemptions.gift.redeemed_amount', { $has_value: true }, customer())).toBe(true);
		expect(matches('loyalty.referred_customers', { $more_than: [1] }, customer())).toBe(false);
	});
});

describe('metadata and system_metadata', () => {
	const who = customer({ metadata: { tier: 'gold', shoe_size: 5, brands: ['Armani', 'Vicini'], vip: true, signed_up: '2024-03-01' } });

	test('text operators on text metadata', () => {
		expect(matches('metadata.tier', { $is: ['gold'] }, who)).toBe(true);
		expect(matches('metadata.tier', { $is_not: ['gold'] }, who)).toBe(false);
		expect(matches('metadata.tier', { $starts_with: ['go'] }, who)).toBe(true);
	});

	test('numeric metadata compares as a number', () => {
		expect(matches('metadata.shoe_size', { $more_than: [4] }, who)).toBe(true);
		expect(matches('metadata.shoe_size', { $less_than: [5] }, who)).toBe(false);
		expect(matches('metadata.shoe_size', { $is: ['5'] }, who)).toBe(true);
	});

	test('a list matches when one entry does', () => {
		expect(matches('metadata.brands', { $is: ['Vicini'] }, who)).toBe(true);
		expect(matches('metadata.brands', { $is_not: ['Vicini'] }, who)).toBe(false);
		expect(matches('metadata.brands', { $is: ['Gucci'] }, who)).toBe(false);
	});

	test('booleans, dates and missing keys', () => {
		expect(matches('metadata.vip', { $is: ['true'] }, who)).toBe(true);
		expect(matches('metadata.signed_up', { $before: ['2025-01-01'] }, who)).toBe(true);
		expect(matches('metadata.nothing', { $is_unknown: true }, who)).toBe(true);
		expect(matches('metadata.nothing', { $has_value: true }, who)).toBe(false);
	});

	test('system_metadata reads nested paths such as consents', () => {
		const consenting = customer({ system_metadata: { consents: { cnst_news: { date: '2025-01-01T00:00:00Z', value: true } } } });
		expect(matches('system_metadata.consents.cnst_news.value', { $is: ['true'] }, consenting)).toBe(true);
		expect(matches('system_metadata.consents.cnst_news.value', { $is: ['true'] }, customer())).toBe(false);
	});
});

describe('junctions', () => {
	const who = customer({ email: 'ann@voucherify.io', address: { city: 'Warsaw' } });
	const filter = (junction: string) => ({ junction, email: { conditions: { $ends_with: ['voucherify.io'] } }, 'address.city': { conditions: { $is: ['Berlin'] } } });

	test('"and" needs every field, "or" any (case-insensitive, as the SDK types spell it)', () => {
		expect(matchesFilter(compileFilter(filter('and')), { customer: who, eventCounts: {} }, NOW)).toBe(false);
		expect(matchesFilter(compileFilter(filter('OR')), { customer: who, eventCounts: {} }, NOW)).toBe(true);
	});

	test('several operators on one field must all hold, unless the field says "or"', () => {
		expect(matches('email', { $starts_with: ['ann'], $ends_with: ['.io'] }, who)).toBe(true);
		expect(matches('email', { $starts_with: ['ann'], $ends_with: ['.com'] }, who)).toBe(false);
		const either = compileFilter({ email: { junction: 'or', conditions: { $starts_with: ['bob'], $ends_with: ['.io'] } } });
		expect(matchesFilter(either, { customer: who, eventCounts: {} }, NOW)).toBe(true);
		expect(matchesFilter(either, { customer: customer({ email: 'ann@x.com' }), eventCounts: {} }, NOW)).toBe(false);
	});
});

describe('rejected filters name what is wrong', () => {
	test('an unknown field', () => {
		expect(rejection({ shoe_size: { conditions: { $is: [5] } } })).toContain('unknown field shoe_size');
		expect(rejection({ 'address.planet': { conditions: { $is: ['Mars'] } } })).toContain('address.planet');
	});

	test('an unknown operator, or one the field does not take', () => {
		expect(rejection({ name: { conditions: { $sounds_like: ['Ann'] } } })).toContain('$sounds_like');
		expect(rejection({ name: { conditions: { $before: ['2025-01-01'] } } })).toContain('filter.name does not take the operator $before');
		expect(rejection({ created_at: { conditions: { $starts_with: ['2025'] } } })).toContain('$starts_with');
	});

	test('malformed values and junctions', () => {
		expect(rejection({ 'summary.orders.total_count': { conditions: { $more_than: ['many'] } } })).toContain('must be a number');
		expect(rejection({ created_at: { conditions: { $before: ['yesterday'] } } })).toContain('ISO 8601');
		expect(rejection({ name: { conditions: { $is: [] } } })).toContain('non-empty list');
		expect(rejection({ name: { conditions: { $has_value: 'yes' } } })).toContain('must be true');
		expect(rejection({ junction: 'xor', name: { conditions: { $has_value: true } } })).toContain('junction');
		expect(rejection({ junction: 'and' })).toContain('at least one field');
	});
});

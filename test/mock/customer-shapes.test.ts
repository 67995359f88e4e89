import { describe, expect, test } from 'vitest';
import { createCustomer, officialServer, sdkError } from './sdk-support.js';
import { TRANSPORTS, validate } from './support.js';

type ActivityPage = { object: string; data_ref: string; data: { id: string; type: string }[]; has_more: boolean; more_starting_after?: string };

// CONTRACT §8 and §1 field for field, through the official SDK: not_found, customers without metadata, the /activity cursor.
describe.each(TRANSPORTS)('customer shapes of the live API over $transport', ({ use }) => {
	const target = use();
	const sdk = () => officialServer(target);

	test('an unknown customer and an unknown code answer 404 not_found "Resource not found" naming them', async () => {
		expect(await sdkError(sdk().customers.get('cust_nobody'))).toMatchObject({ code: 404, key: 'not_found', message: 'Resource not found', details: 'Cannot find customer with id cust_nobody', resource_id: 'cust_nobody', resource_type: 'customer' });
		expect(await sdkError(sdk().vouchers.get('NOSUCHCODE'))).toMatchObject({ code: 404, key: 'not_found', message: 'Resource not found', details: 'Cannot find voucher with id NOSUCHCODE', resource_id: 'NOSUCHCODE', resource_type: 'voucher' });
	});

	test('a customer created without metadata answers no metadata key and address null; with metadata, it has it', async () => {
		const plain = (await sdk().customers.create({ source_id: 'plain', name: 'Plain' })) as unknown as Record<string, unknown>;
		expect(plain).toMatchObject({ object: 'customer', source_id: 'plain', name: 'Plain', address: null });
		expect('metadata' in plain).toBe(false);
		expect('metadata' in (await sdk().customers.get('plain'))).toBe(false);
		const listed = (await sdk().customers.list({})) as unknown as { customers: Record<string, unknown>[] };
		expect(listed.customers.every((customer) => !('metadata' in customer))).toBe(true);
		expect(await sdk().customers.update({ source_id: 'plain', metadata: { tier: 'gold' } })).toMatchObject({ metadata: { tier: 'gold' } });
		const cleared = (await sdk().customers.update({ source_id: 'plain', metadata: { tier: null } })) as unknown as Record<string, unknown>;
		expect('metadata' in cleared).toBe(false);
	});

	test('GET /v1/customers/{id}/activity pages by starting_after_id with no repeats or gaps, in either order', async () => {
		for (const code of ['WELCOME10', 'SAVE5', 'EXPIRED', 'WELCOME10', 'SAVE5']) await validate(target, { code, tracking_id: 'track_cursor' });
		await sdk().redemptions.redeem('SAVE5', { customer: { object: 'customer', source_id: 'track_cursor' }, order: { amount: 1000 } });
		const all = (await sdk().customers.listActivity('track_cursor', { limit: 100 })) as unknown as ActivityPage;
		expect(all).toMatchObject({ object: 'list', data_ref: 'data', has_more: false });
		expect('more_starting_after' in all).toBe(false);
		expect(all.data.map((entry) => entry.type)).toEqual([
			'customer.redemption.succeeded',
			'customer.created',
			'customer.validation.succeeded',
			'customer.validation.succeeded',
			'customer.validation.failed',
			'customer.validation.succeeded',
			'customer.validation.succeeded',
		]);
		for (const order of ['-created_at', 'created_at'] as const) {
			const seen: string[] = [];
			let cursor: string | undefined;
			for (;;) {
				const page = (await sdk().customers.listActivity('track_cursor', { limit: 4, order, ...(cursor ? { starting_after_id: cursor } : {}) })) as unknown as ActivityPage;
				seen.push(...page.data.map((entry) => entry.id));
				expect(page.more_starting_after).toBe(page.has_more ? page.data.at(-1)?.id : undefined);
				if (!page.has_more) break;
				cursor = page.more_starting_after;
			}
			const expected = all.data.map((entry) => entry.id);
			expect(seen).toEqual(order === 'created_at' ? [...expected].reverse() : expected);
		}
		expect(await sdkError(sdk().customers.listActivity('track_cursor', { starting_after_id: 'evcus_nope' }))).toMatchObject({ code: 400, key: 'invalid_query_params' });
		expect(await sdkError(sdk().customers.listActivity('cust_nobody'))).toMatchObject({ code: 404, key: 'not_found' });
	});

	test('the older page form of /activity still pages', async () => {
		await createCustomer(sdk(), { source_id: 'pager' });
		for (const code of ['WELCOME10', 'SAVE5', 'EXPIRED']) await validate(target, { code, tracking_id: 'pager' });
		const second = (await sdk().customers.listActivity('pager', { limit: 2, page: 2 } as never)) as unknown as ActivityPage;
		expect(second).toMatchObject({ has_more: false });
		expect(second.data.map((entry) => entry.type)).toEqual(['customer.validation.succeeded', 'customer.created']);
	});
});

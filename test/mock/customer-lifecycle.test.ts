import { describe, expect, test } from 'vitest';
import { createCustomer, csvFile, officialServer } from './sdk-support.js';
import { useHttpMock } from './support.js';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

interface Entry {
	id: string;
	type: string;
	data: { customer?: Record<string, unknown> };
	created_at: string;
}

// customer.created and customer.updated in GET /v1/customers/{id}/activity (CONTRACT §8), through @voucherify/sdk over HTTP.
describe('the customer lifecycle in its activity', () => {
	const target = useHttpMock();
	const sdk = () => officialServer(target);
	const activity = async (customer: string) => ((await sdk().customers.listActivity(customer, { limit: 100 })) as unknown as { data: Entry[] }).data;

	test('customers.create records customer.created and customers.update customer.updated, each with the customer as answered then', async () => {
		const created = await createCustomer(sdk(), { source_id: 'life-ann', name: 'Ann', email: 'ann@example.com' });
		const updated = await sdk().customers.update({ source_id: 'life-ann', name: 'Ann Archer', metadata: { tier: 'gold' } });
		const entries = await activity('life-ann');
		expect(entries.map((entry) => entry.type)).toEqual(['customer.updated', 'customer.created']);
		const [update, creation] = entries;
		expect(creation).toEqual({ id: expect.stringMatching(/^evcus_/), type: 'customer.created', data: { customer: created }, created_at: expect.stringMatching(ISO) });
		expect(update).toEqual({ id: expect.stringMatching(/^evcus_/), type: 'customer.updated', data: { customer: updated }, created_at: expect.stringMatching(ISO) });
		expect(update?.data.customer).toMatchObject({ id: created.id, name: 'Ann Archer', email: 'ann@example.com', metadata: { tier: 'gold' } });
		expect('metadata' in (creation?.data.customer ?? {})).toBe(false);
	});

	test('an upsert that repeats the stored values records nothing; one that changes them records customer.updated', async () => {
		await createCustomer(sdk(), { source_id: 'life-bob', name: 'Bob' });
		await sdk().customers.create({ source_id: 'life-bob', name: 'Bob' });
		expect((await activity('life-bob')).map((entry) => entry.type)).toEqual(['customer.created']);
		await sdk().customers.create({ source_id: 'life-bob', phone: '+48 22 123' });
		const [latest] = await activity('life-bob');
		expect(latest).toMatchObject({ type: 'customer.updated', data: { customer: { source_id: 'life-bob', name: 'Bob', phone: '+48 22 123' } } });
	});

	test('the CSV import records customer.created for a new row and customer.updated for a known one', async () => {
		await sdk().asyncActions.get((await sdk().customers.importCSV(csvFile(['Source_id,Name', 'life-cid,Cid']))).async_action_id);
		await sdk().asyncActions.get((await sdk().customers.importCSV(csvFile(['Source_id,Name', 'life-cid,Cid Smith']))).async_action_id);
		const entries = await activity('life-cid');
		expect(entries.map((entry) => [entry.type, entry.data.customer?.name])).toEqual([
			['customer.updated', 'Cid Smith'],
			['customer.created', 'Cid'],
		]);
	});

	test('bulk updates record customer.updated for each customer they change', async () => {
		await createCustomer(sdk(), { source_id: 'life-dot' });
		await sdk().customers.updateInBulk([{ source_id: 'life-dot', name: 'Dot' }]);
		await sdk().customers.updateMetadataInBulk({ source_ids: ['life-dot'], metadata: { vip: true } });
		const entries = await activity('life-dot');
		expect(entries.map((entry) => [entry.type, entry.data.customer?.name, entry.data.customer?.metadata])).toEqual([
			['customer.updated', 'Dot', { vip: true }],
			['customer.updated', 'Dot', undefined],
			['customer.created', null, undefined],
		]);
	});

	test('a redemption creates its new customer (customer.created) and upserts a known one (customer.updated) before the redemption', async () => {
		await sdk().redemptions.redeem('SAVE5', { customer: { source_id: 'life-eve', name: 'Eve' }, order: { amount: 2000 } } as never);
		await sdk().redemptions.redeem('WELCOME10', { customer: { source_id: 'life-eve', name: 'Eve' }, order: { amount: 2000 } } as never);
		await sdk().redemptions.redeem('BIGSALE20', { customer: { source_id: 'life-eve', metadata: { tier: 'gold' } }, order: { amount: 2000 } } as never);
		const entries = await activity('life-eve');
		expect(entries.map((entry) => entry.type)).toEqual([
			'customer.redemption.succeeded',
			'customer.updated',
			'customer.redemption.succeeded',
			'customer.redemption.succeeded',
			'customer.created',
		]);
		expect(entries[1]?.data.customer).toMatchObject({ source_id: 'life-eve', name: 'Eve', metadata: { tier: 'gold' } });
		expect(entries[4]?.data.customer).toMatchObject({ source_id: 'life-eve', name: 'Eve' });
	});
});

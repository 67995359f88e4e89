import { describe, expect, test } from 'vitest';
import { serverCall, useMswMock } from './support.js';

/** Customers are found by `source_id` through an index: it must follow every change as the scan it replaced did. */
describe('finding a customer by source_id', () => {
	const target = useMswMock();
	const status = async (sourceId: string) => (await serverCall(target, 'GET', `/customers/${sourceId}`)).status;

	test('follows a new source_id: the old one is no longer found, the new one is', async () => {
		await serverCall(target, 'POST', '/customers', { body: { source_id: 'old-id', name: 'Ana' } });
		expect(await status('old-id')).toBe(200);
		await serverCall(target, 'PUT', '/customers/old-id', { body: { source_id: 'new-id' } });

		expect([await status('old-id'), await status('new-id')]).toEqual([404, 200]);
	});

	test('forgets a deleted customer, and finds the one created again with its source_id', async () => {
		await serverCall(target, 'POST', '/customers', { body: { source_id: 'gone-id' } });
		await serverCall(target, 'DELETE', '/customers/gone-id');
		expect(await status('gone-id')).toBe(404);
		await serverCall(target, 'POST', '/customers', { body: { source_id: 'gone-id', name: 'Back' } });

		expect((await serverCall<{ name: string }>(target, 'GET', '/customers/gone-id')).body.name).toBe('Back');
	});

	test('a reset forgets every customer, and one created afterwards is found', async () => {
		await serverCall(target, 'POST', '/customers', { body: { source_id: 'before-reset' } });
		expect(await status('before-reset')).toBe(200);
		target.api.reset();
		expect(await status('before-reset')).toBe(404);
		await serverCall(target, 'POST', '/customers', { body: { source_id: 'after-reset' } });

		expect(await status('after-reset')).toBe(200);
	});

	test('an upsert by source_id updates the one customer instead of creating a second', async () => {
		await serverCall(target, 'POST', '/customers', { body: { source_id: 'upserted', name: 'First' } });
		await serverCall(target, 'POST', '/customers', { body: { source_id: 'upserted', name: 'Second' } });
		const list = await serverCall<{ customers: Array<{ source_id: string; name: string }> }>(target, 'GET', '/customers?limit=100');

		expect(list.body.customers.filter((customer) => customer.source_id === 'upserted').map((customer) => customer.name)).toEqual(['Second']);
	});
});

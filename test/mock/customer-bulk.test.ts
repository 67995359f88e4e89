import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createMockApi } from '../../src/mock/index.js';
import { createCustomer, officialServer, sdkError, type StoredCustomer } from './sdk-support.js';
import { useHttpMock } from './support.js';

interface BulkAction {
	id: string;
	type: string;
	status: string;
	progress: number;
	result: { results: { source_id: string; updated: boolean; error?: string }[] } | null;
}



// Bulk customer updates (CONTRACT §8) through the official SDK over real HTTP.
describe('bulk customer updates', () => {
	const target = useHttpMock();
	const sdk = () => officialServer(target);
	const getCustomer = async (idOrSourceId: string) => (await sdk().customers.get(idOrSourceId)) as unknown as StoredCustomer;
	const actionOf = async (answer: unknown) => (await sdk().asyncActions.get((answer as { async_action_id: string }).async_action_id)) as unknown as BulkAction;

	test('updateInBulk sets fields and then clears them with null', async () => {
		await createCustomer(sdk(), { source_id: 'ann-1', name: 'Ann', metadata: { tier: 'gold' } });
		await createCustomer(sdk(), { source_id: 'bob-2', name: 'Bob' });
		const set = await actionOf(
			await sdk().customers.updateInBulk([
				{ source_id: 'ann-1', email: 'ann@example.com', phone: '+48 600', address: { city: 'Warsaw' }, metadata: { lang: 'pl' } },
				{ source_id: 'bob-2', name: 'Robert' },
				{ source_id: 'nobody', name: 'X' },
			]),
		);
		expect(set.type).toBe('CUSTOMERS_BULK_UPDATE');
		expect(set.status).toBe('DONE');
		expect(set.result?.results).toEqual([
			{ source_id: 'ann-1', updated: true },
			{ source_id: 'bob-2', updated: true },
			{ source_id: 'nobody', updated: false, error: 'Cannot find customer with source_id nobody' },
		]);
		const ann = await getCustomer('ann-1');
		expect([ann.name, ann.email, ann.phone, ann.address, ann.metadata]).toEqual(['Ann', 'ann@example.com', '+48 600', { city: 'Warsaw' }, { tier: 'gold', lang: 'pl' }]);
		expect((await getCustomer('bob-2')).name).toBe('Robert');
		await expect(sdk().customers.get('nobody')).rejects.toMatchObject({ code: 404 });

		await sdk().customers.updateInBulk([{ source_id: 'ann-1', email: null, address: null, metadata: { tier: null } } as never]);
		const cleared = await getCustomer('ann-1');
		expect([cleared.name, cleared.email, cleared.phone, cleared.address, cleared.metadata]).toEqual(['Ann', null, '+48 600', null, { lang: 'pl' }]);
	});

	test('updateMetadataInBulk merges metadata into each customer and null removes a key', async () => {
		await createCustomer(sdk(), { source_id: 'ann-1', metadata: { tier: 'gold', lang: 'pl' } });
		await createCustomer(sdk(), { source_id: 'bob-2' });
		const action = await actionOf(await sdk().customers.updateMetadataInBulk({ source_ids: ['ann-1', 'bob-2'], metadata: { tier: null, vip: true } }));
		expect([action.type, action.status, action.result?.results]).toEqual([
			'CUSTOMERS_METADATA_UPDATE',
			'DONE',
			[
				{ source_id: 'ann-1', updated: true },
				{ source_id: 'bob-2', updated: true },
			],
		]);
		expect((await getCustomer('ann-1')).metadata).toEqual({ lang: 'pl', vip: true });
		expect((await getCustomer('bob-2')).metadata).toEqual({ vip: true });
	});

	test('a malformed body is 400 naming the field', async () => {
		expect((await sdkError(sdk().customers.updateInBulk([{ name: 'no id' } as never]))).details).toContain('[0].source_id');
		expect((await sdkError(sdk().customers.updateInBulk([]))).details).toContain('non-empty list');
		expect((await sdkError(sdk().customers.updateMetadataInBulk({ source_ids: ['a'] } as never))).details).toContain('metadata');
		expect((await sdkError(sdk().customers.updateMetadataInBulk({ source_ids: [], metadata: {} }))).details).toContain('source_ids');
	});
});

describe('async actions with a job delay', () => {
	const target = useHttpMock({ jobDelayMs: 60_000 });
	const sdk = () => officialServer(target);
	afterEach(() => vi.useRealTimers());

	test('a bulk update reads IN_PROGRESS with no result until jobDelayMs has passed, then DONE', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(new Date('2026-03-01T10:00:00Z'));
		await createCustomer(sdk(), { source_id: 'ann-1' });
		const { async_action_id: id } = (await sdk().customers.updateMetadataInBulk({ source_ids: ['ann-1'], metadata: { vip: true } })) as { async_action_id: string };
		vi.setSystemTime(new Date('2026-03-01T10:00:59.999Z'));
		expect(await sdk().asyncActions.get(id)).toMatchObject({ id, status: 'IN_PROGRESS', progress: 0, result: null });
		vi.setSystemTime(new Date('2026-03-01T10:01:00Z'));
		expect(await sdk().asyncActions.get(id)).toMatchObject({
			id,
			status: 'DONE',
			progress: 100,
			created_at: '2026-03-01T10:00:00.000Z',
			updated_at: '2026-03-01T10:01:00.000Z',
			result: { results: [{ source_id: 'ann-1', updated: true }] },
		});
	});
});

describe('a CSV import with a job delay', () => {
	const target = useHttpMock({ jobDelayMs: 60_000 });
	afterEach(() => vi.useRealTimers());

	test('reads IN_PROGRESS, then DONE with its lines, while the customer exists from the start', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(new Date('2026-03-01T10:00:00Z'));
		const path = join(mkdtempSync(join(tmpdir(), 'voucherify-bulk-')), 'one.csv');
		writeFileSync(path, 'Source_id,Name\r\nann-1,Ann\r\n');
		const sdk = officialServer(target);
		const { async_action_id: id } = (await sdk.customers.importCSV(path)) as { async_action_id: string };
		expect(await sdk.asyncActions.get(id)).toMatchObject({ type: 'CUSTOMERS_IMPORT_CSV', status: 'IN_PROGRESS', result: null });
		expect(await sdk.customers.get('ann-1')).toMatchObject({ name: 'Ann' });
		vi.setSystemTime(new Date('2026-03-01T10:01:00Z'));
		expect(await sdk.asyncActions.get(id)).toMatchObject({ status: 'DONE', result: { created: 1, lines: [{ line: 2, status: 'CREATED', source_id: 'ann-1' }] } });
	});
});

describe('the jobDelayMs option', () => {
	test.each([-1, 1.5])('jobDelayMs %s is refused with a TypeError naming it', (jobDelayMs) => {
		expect(() => createMockApi({ jobDelayMs })).toThrow(TypeError);
		expect(() => createMockApi({ jobDelayMs })).toThrow(/jobDelayMs/);
	});
});

import { describe, expect, test } from 'vitest';
import { createCustomer, csvFile, officialServer, sdkError } from './sdk-support.js';
import { TRANSPORTS, validate, type ActivityBody } from './support.js';

const CSV_HEADER = 'source_id,name,email,address_city,metadata.tier';
const GOOD_ROWS = ['ann-1,Ann Archer,ann@example.com,Berlin,gold', 'bob-2,"Bob ""The Builder"", Jr.",bob@example.com,Warsaw,silver'];


interface ImportResult {
	created: number;
	updated: number;
	failed: number;
	lines: { line: number; status: string; source_id: string | null; error: string | null }[];
}

// CSV import and export, delete and permanent deletion, and the newer /activities route, through the official SDK.
describe.each(TRANSPORTS)('customer import, export and deletion over $transport', ({ use }) => {
	const target = use();
	const sdk = () => officialServer(target);
	const importCsv = async (lines: readonly string[]) => {
		const { async_action_id } = await sdk().customers.importCSV(csvFile(lines));
		const action = await sdk().asyncActions.get(async_action_id);
		return { action, result: action.result as ImportResult };
	};

	test('importCSV is an async action whose result reports each line', async () => {
		const { action, result } = await importCsv([CSV_HEADER, ...GOOD_ROWS]);
		expect(action).toMatchObject({ object: 'async_action', type: 'CUSTOMERS_IMPORT_CSV', status: 'DONE' });
		expect(result).toMatchObject({ created: 2, updated: 0, failed: 0, lines: [{ line: 2, status: 'CREATED', source_id: 'ann-1' }, { line: 3, status: 'CREATED' }] });
		expect(await sdk().customers.get('bob-2')).toMatchObject({ name: 'Bob "The Builder", Jr.', address: { city: 'Warsaw' }, metadata: { tier: 'silver' } });
	});

	test('bad rows are reported by line and the good rows are kept', async () => {
		const { result } = await importCsv([CSV_HEADER, GOOD_ROWS[0] ?? '', ',No Source,nos@example.com,Rome,gold', 'cid-3,Cid,not-an-email,Rome,gold', 'dot-4,Dot', GOOD_ROWS[1] ?? '']);
		expect(result).toMatchObject({ created: 3, failed: 2 });
		expect(result.lines.filter((line) => line.status === 'FAILED').map(({ line, error }) => [line, error])).toEqual([
			[4, 'Line 4: email not-an-email is not an email address'],
			[5, 'Line 5: has 2 cells; the header has 5'],
		]);
		// A row with no source_id creates a customer without one (CONTRACT §8), as the live API does.
		expect(target.api.snapshot().customers.map((customer) => customer.source_id)).toEqual(['ann-1', null, 'bob-2']);
	});

	test('an existing source_id is updated, never duplicated', async () => {
		const before = await createCustomer(sdk(), { source_id: 'ann-1', name: 'Ann', phone: '+49 30 1234' });
		const { result } = await importCsv([CSV_HEADER, GOOD_ROWS[0] ?? '']);
		expect(result).toMatchObject({ created: 0, updated: 1 });
		expect(await sdk().customers.get('ann-1')).toMatchObject({ id: before.id, name: 'Ann Archer', phone: '+49 30 1234', metadata: { tier: 'gold' } });
		expect(target.api.snapshot().customers).toHaveLength(1);
	});

	test('a column that is no customer field goes into metadata; a repeated column answers 400 naming it', async () => {
		const { result } = await importCsv(['source_id,shoe_size', 'ann,5']);
		expect(result).toMatchObject({ created: 1, failed: 0 });
		expect(await sdk().customers.get('ann')).toMatchObject({ metadata: { shoe_size: 5 } });
		expect((await sdkError(sdk().customers.importCSV(csvFile(['source_id,email,Email', 'a,b@c.d,e@f.g'])))).details).toContain('Email appears more than once');
	});

	test('export round trip: import, export the same fields, download the CSV at result.url, get the same rows', async () => {
		await importCsv([CSV_HEADER, ...GOOD_ROWS]);
		const created = await sdk().distributions.exports.create({ exported_object: 'customer', parameters: { fields: CSV_HEADER.split(',') as never } });
		expect(created).toMatchObject({ object: 'export', status: 'SCHEDULED', exported_object: 'customer', result: null });
		const fetched = await sdk().distributions.exports.get(created.id);
		expect(fetched).toMatchObject({ id: created.id, status: 'DONE' });
		const response = await fetch(String(fetched.result?.url));
		expect(response.headers.get('content-type')).toContain('text/csv');
		expect(await response.text()).toBe(`${[CSV_HEADER, ...GOOD_ROWS].join('\r\n')}\r\n`);
	});

	test('export filters use the segment filter language, and dates are UTC', async () => {
		await importCsv([CSV_HEADER, ...GOOD_ROWS]);
		const created = await sdk().distributions.exports.create({ exported_object: 'customer', parameters: { fields: ['source_id', 'created_at'], filters: { 'address.city': { conditions: { $is: ['Berlin'] } } } as never } });
		const { result } = await sdk().distributions.exports.get(created.id);
		const [header, row, end] = (await (await fetch(String(result?.url))).text()).split('\r\n');
		expect([header, end]).toEqual(['source_id,created_at', '']);
		expect(row).toMatch(/^ann-1,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
	});

	test('the download URL needs its token', async () => {
		const created = await sdk().distributions.exports.create({ exported_object: 'customer' });
		const url = new URL(String((await sdk().distributions.exports.get(created.id)).result?.url));
		url.searchParams.set('token', 'guess');
		expect((await fetch(url)).status).toBe(404);
	});

	test('permanent deletion removes the profile, its activity and memberships; its tracking id is anonymous again', async () => {
		await validate(target, { code: 'SAVE5', tracking_id: 'track_gone' });
		await sdk().redemptions.redeem('SAVE5', { customer: { object: 'customer', source_id: 'track_gone', metadata: { tier: 'gold' } }, order: { amount: 2000 } });
		await sdk().segments.create({ name: 'Gold', type: 'auto-update', filter: { 'metadata.tier': { conditions: { $is: ['gold'] } } } });
		const deletion = await sdk().customers.deletePermanently('track_gone');
		// events: the validation, the customer.created of the redemption's upsert, and the redemption.
		expect(deletion).toMatchObject({ object: 'pernament_deletion', status: 'DONE', related_object: 'customer', data_json: { events: 3, segments: 1, orders: 1, customer: 1 } });
		expect(await sdkError(sdk().customers.get('track_gone'))).toMatchObject({ code: 404 });
		expect(target.api.snapshot().segmentMemberships).toEqual({});
		await validate(target, { code: 'WELCOME10', tracking_id: 'track_gone' });
		expect(target.api.anonymousActivity('track_gone').map((entry) => entry.type)).toEqual(['customer.validation.succeeded']);
	});

	test('GET /v1/customers/{id}/activities pages newest first by cursor', async () => {
		for (const code of ['WELCOME10', 'SAVE5', 'EXPIRED']) await validate(target, { code, tracking_id: 'track_pager' });
		await sdk().redemptions.redeem('SAVE5', { customer: { object: 'customer', source_id: 'track_pager' }, order: { amount: 1000 } });
		type Page = { object: string; data_ref: string; data: ActivityBody[]; has_more: boolean; more_starting_after: string | null };
		const first = (await sdk().customers.listActivities('track_pager', { limit: 3 })) as unknown as Page;
		expect(first).toMatchObject({ object: 'list', data_ref: 'data', has_more: true });
		// The redemption created the customer; the anonymous validations it merged are older than its customer.created.
		expect(first.data.map((entry) => entry.type)).toEqual(['customer.redemption.succeeded', 'customer.created', 'customer.validation.failed']);
		expect(first.more_starting_after).toBe(first.data[2]?.id);
		const rest = (await sdk().customers.listActivities('track_pager', { limit: 3, starting_after: first.more_starting_after ?? '' })) as unknown as Page;
		expect(rest).toMatchObject({ has_more: false, more_starting_after: null });
		expect(rest.data.map((entry) => entry.type)).toEqual(['customer.validation.succeeded', 'customer.validation.succeeded']);
		expect(await sdkError(sdk().customers.listActivities('track_pager', { starting_after: 'not-a-cursor' }))).toMatchObject({ code: 400, key: 'invalid_query_params' });
	});
});

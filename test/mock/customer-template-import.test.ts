import { describe, expect, test } from 'vitest';
import { csvFile, officialServer, sdkError, type StoredCustomer } from './sdk-support.js';
import { useHttpMock } from './support.js';


interface ImportAction {
	status: string;
	result: { created: number; updated: number; failed: number; lines: { line: number; status: string; source_id: string | null; customer_id: string | null; error: string | null }[] };
}



// The API reference's CSV template (CONTRACT §8), through the official SDK over real HTTP.
describe('customer CSV import with the API reference template', () => {
	const target = useHttpMock();
	const sdk = () => officialServer(target);
	const getCustomer = async (idOrSourceId: string) => (await sdk().customers.get(idOrSourceId)) as unknown as StoredCustomer;
	const importCsv = async (lines: readonly string[]) => {
		const { async_action_id: id } = (await sdk().customers.importCSV(csvFile(lines))) as { async_action_id: string };
		return (await sdk().asyncActions.get(id)) as unknown as ImportAction;
	};

	test('every cell of a template row lands: standard fields, address, metadata under the header name', async () => {
		const header = 'Name,Email,Phone,Birthdate,Source_id,Description,Address_line_1,Address_line_2,Address_Postal_Code,Address_City,Address_State,Address_Country,Metadata_name_1,Metadata_name_2';
		const action = await importCsv([header, 'Ann Archer,ann@example.com,+48 600 100 200,1990-04-01,ann-1,VIP,Main St 1,Flat 2,00-001,Warsaw,Mazowieckie,Poland,gold,42']);
		expect(action.status).toBe('DONE');
		expect(action.result).toMatchObject({ created: 1, updated: 0, failed: 0 });
		const customer = await getCustomer('ann-1');
		expect(customer.source_id).toBe('ann-1');
		expect(customer.name).toBe('Ann Archer');
		expect(customer.email).toBe('ann@example.com');
		expect(customer.phone).toBe('+48 600 100 200');
		expect(customer.birthdate).toBe('1990-04-01');
		expect(customer.description).toBe('VIP');
		expect(customer.address).toEqual({ line_1: 'Main St 1', line_2: 'Flat 2', postal_code: '00-001', city: 'Warsaw', state: 'Mazowieckie', country: 'Poland' });
		expect(customer.metadata).toEqual({ Metadata_name_1: 'gold', Metadata_name_2: 42 });
	});

	test('headers match without regard to case, short address forms work, and Id updates that customer', async () => {
		await importCsv(['SOURCE_ID,NAME,city,Postal_Code,State,COUNTRY,shoe_size', 'bob-2,Bob,Berlin,10115,Berlin,Germany,44']);
		const bob = await getCustomer('bob-2');
		expect(bob.name).toBe('Bob');
		expect(bob.address).toEqual({ city: 'Berlin', postal_code: '10115', state: 'Berlin', country: 'Germany' });
		expect(bob.metadata).toEqual({ shoe_size: 44 });
		const action = await importCsv(['Id,Email', `${bob.id},bob@example.com`]);
		expect(action.result.lines).toEqual([{ line: 2, status: 'UPDATED', source_id: 'bob-2', customer_id: bob.id, error: null }]);
		expect((await getCustomer('bob-2')).email).toBe('bob@example.com');
	});

	test('a row with neither Id nor Source_id creates a customer without a source_id', async () => {
		const action = await importCsv(['Name,Email', 'Nobody,nobody@example.com']);
		const [line] = action.result.lines;
		expect(line).toMatchObject({ line: 2, status: 'CREATED', source_id: null, error: null });
		const customer = await getCustomer(line?.customer_id ?? '');
		expect([customer.source_id, customer.name, customer.email]).toEqual([null, 'Nobody', 'nobody@example.com']);
	});

	test('the §7 forms keep working, and an unknown Id fails only its line', async () => {
		const action = await importCsv(['source_id,address_city,metadata.tier,id', 'cat-3,Paris,gold,', 'dan-4,Rome,silver,cust_unknown']);
		expect(action.result.lines.map((line) => [line.status, line.error])).toEqual([
			['CREATED', null],
			['FAILED', 'Line 3: id cust_unknown is not the customer with source_id dan-4'],
		]);
		const cat = await getCustomer('cat-3');
		expect([cat.address, cat.metadata]).toEqual([{ city: 'Paris' }, { tier: 'gold' }]);
	});

	test('only a header with a nameless or repeated column is refused', async () => {
		expect((await sdkError(sdk().customers.importCSV(csvFile(['Source_id,source_id', 'a,b'])))).details).toContain('more than once');
		expect((await sdkError(sdk().customers.importCSV(csvFile(['Source_id,', 'a,b'])))).details).toContain('column 2 has no name');
	});
});

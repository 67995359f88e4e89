import { afterEach, describe, expect, test, vi } from 'vitest';
import { officialServer, sdkError } from './sdk-support.js';
import { useHttpMock, type MockTarget } from './support.js';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** The lines of the CSV a finished export's URL serves (the last line ends with CRLF too). */
async function download(url: string | undefined): Promise<string[]> {
	const response = await fetch(String(url));
	expect(response.status).toBe(200);
	expect(response.headers.get('content-type')).toContain('text/csv');
	const lines = (await response.text()).split('\r\n');
	expect(lines.pop()).toBe('');
	return lines;
}

const sdkOf = (target: MockTarget) => officialServer(target);

// POST /v1/exports of every object the API names, GET /v1/exports[/{id}], DELETE, and the gift card transactions export (CONTRACT §8).
describe('exports of any object, driven by @voucherify/sdk over HTTP', () => {
	const target = useHttpMock();
	const sdk = () => sdkOf(target);

	test('a voucher export answers SCHEDULED with result null and parameters as sent, then DONE with a URL serving the rows', async () => {
		const parameters = { fields: ['code', 'voucher_type', 'value', 'discount_type', 'gift_balance'], filters: { junction: 'or', code: { conditions: { $in: ['SAVE5', 'GIFT50'] } } }, response_format: 'CSV' };
		const created = await sdk().distributions.exports.create({ exported_object: 'voucher', parameters } as never);
		expect(created).toEqual({ id: expect.stringMatching(/^exp_/), object: 'export', created_at: expect.stringMatching(ISO), status: 'SCHEDULED', channel: 'API', exported_object: 'voucher', parameters, result: null, user_id: null });
		const done = await sdk().distributions.exports.get(created.id);
		expect(done).toEqual({ ...created, status: 'DONE', result: { url: expect.stringMatching(new RegExp(`^${target.baseUrl}/v1/exports/${created.id}/download\\?token=`)) } });
		expect(await download(done.result?.url)).toEqual(['code,voucher_type,value,discount_type,gift_balance', 'SAVE5,DISCOUNT_VOUCHER,500,AMOUNT,', 'GIFT50,GIFT_VOUCHER,5000,,5000']);
	});

	test('an export naming no fields has the API reference defaults; order sorts the rows', async () => {
		const created = await sdk().distributions.exports.create({ exported_object: 'voucher', parameters: { order: '-code', filters: { code: { conditions: { $starts_with: ['FREE'] } } } } } as never);
		expect(created.parameters).toEqual({ order: '-code', filters: { code: { conditions: { $starts_with: ['FREE'] } } } });
		expect(await download((await sdk().distributions.exports.get(created.id)).result?.url)).toEqual(['code,voucher_type,value,discount_type', 'FREEITEM,DISCOUNT_VOUCHER,1,UNIT']);
		const sorted = await sdk().distributions.exports.create({ exported_object: 'voucher', parameters: { fields: ['code'], order: '-code', filters: { code: { conditions: { $in: ['SAVE5', 'BIGSALE20', 'LASTONE'] } } } } } as never);
		expect(await download((await sdk().distributions.exports.get(sorted.id)).result?.url)).toEqual(['code', 'SAVE5', 'LASTONE', 'BIGSALE20']);
	});

	test('publication, redemption and order exports list what the customer was given and redeemed', async () => {
		await sdk().campaigns.create({ name: 'Spring', campaign_type: 'DISCOUNT_COUPONS', type: 'AUTO_UPDATE', voucher: { type: 'DISCOUNT_VOUCHER', discount: { type: 'AMOUNT', amount_off: 300 } } } as never);
		const publication = (await sdk().distributions.publications.create({ customer: { source_id: 'exp-ann', name: 'Ann' }, campaign: { name: 'Spring' } } as never)) as unknown as { voucher: { code: string }; customer_id: string };
		const redemption = await sdk().redemptions.redeem(publication.voucher.code, { customer: { source_id: 'exp-ann' }, order: { amount: 2000 } } as never);
		await sdkError(sdk().redemptions.redeem('EXPIRED', { customer: { source_id: 'exp-ann' }, order: { amount: 2000 } } as never));
		const url = async (exported_object: string, fields: string[]) => {
			const { id } = await sdk().distributions.exports.create({ exported_object, parameters: { fields } } as never);
			return (await sdk().distributions.exports.get(id)).result?.url;
		};
		expect(await download(await url('publication', ['voucher_code', 'customer_id', 'customer_source_id', 'campaign']))).toEqual(['voucher_code,customer_id,customer_source_id,campaign', `${publication.voucher.code},${publication.customer_id},exp-ann,Spring`]);
		expect(await download(await url('redemption', ['id', 'voucher_code', 'customer_source_id', 'customer_name', 'order_amount', 'result', 'failure_message']))).toEqual([
			'id,voucher_code,customer_source_id,customer_name,order_amount,result,failure_message',
			`${(redemption as { id: string }).id},${publication.voucher.code},exp-ann,Ann,2000,SUCCESS,`,
			',EXPIRED,exp-ann,Ann,2000,FAILURE,voucher expired',
		]);
		const order = (redemption as unknown as { order: { id: string } }).order;
		expect(await download(await url('order', ['id', 'status', 'amount', 'total_discount_amount', 'total_amount', 'customer_id']))).toEqual([
			'id,status,amount,total_discount_amount,total_amount,customer_id',
			`${order.id},PAID,2000,300,1700,${publication.customer_id}`,
		]);
		expect(await download(await url('points_expiration', []))).toEqual(['id,campaign_id,voucher_id,status,expires_at,points']);
	});

	test('GET /v1/exports lists them newest first in the list shape; DELETE removes one', async () => {
		const first = await sdk().distributions.exports.create({ exported_object: 'customer' });
		const second = await sdk().distributions.exports.create({ exported_object: 'publication' } as never);
		const list = await sdk().distributions.exports.list();
		expect(list).toMatchObject({ object: 'list', data_ref: 'exports', total: 2 });
		expect(list.exports.map((entry) => [entry.id, entry.status, entry.exported_object])).toEqual([
			[second.id, 'DONE', 'publication'],
			[first.id, 'DONE', 'customer'],
		]);
		expect(list.exports[0]?.result?.url).toContain(`/v1/exports/${second.id}/download?token=`);
		expect((await sdk().distributions.exports.list({ order: 'created_at', limit: 1, page: 2 })).exports.map((entry) => entry.id)).toEqual([second.id]);
		// 204 No Content: the SDK resolves with the empty body.
		expect(await sdk().distributions.exports.delete(first.id)).toBe('');
		expect(await sdkError(sdk().distributions.exports.get(first.id))).toMatchObject({ code: 404, key: 'not_found', details: `Cannot find export with id ${first.id}` });
		expect(await sdkError(sdk().distributions.exports.delete(first.id))).toMatchObject({ code: 404, key: 'not_found' });
		expect((await sdk().distributions.exports.list()).exports.map((entry) => entry.id)).toEqual([second.id]);
	});

	test('bad input answers 400 in the API error shape and stores no export', async () => {
		const refusals = [
			[{ exported_object: 'product' }, 'invalid_payload', 'exported_object must be one of voucher, redemption, customer, publication, order, points_expiration, voucher_transactions'],
			[{ exported_object: 'voucher', parameters: { fields: ['code', 'colour'] } }, 'invalid_export_fields', 'Unsupported field used. Allowed fields: code, voucher_type, value'],
			[{ exported_object: 'redemption', parameters: { order: '-shoe_size' } }, 'invalid_export_fields', 'Unsupported field used. Allowed fields: id, object, date'],
			[{ exported_object: 'voucher', parameters: { filters: { code: { conditions: { $sounds_like: ['X'] } } } } }, 'invalid_payload', 'parameters.filters.code.conditions.$sounds_like is not an operator'],
			[{ exported_object: 'voucher', parameters: { filters: { colour: { conditions: { $is: ['red'] } } } } }, 'invalid_export_fields', 'Unsupported field used'],
			[{ exported_object: 'voucher', parameters: { fields: 'code' } }, 'invalid_payload', 'parameters.fields must be a list'],
			[{ exported_object: 'voucher', parameters: { format: 'XLSX' } }, 'invalid_payload', 'parameters.format must be absent'],
			[{ exported_object: 'voucher', parameters: { response_format: 'XLSX' } }, 'invalid_payload', 'parameters.response_format must be one of CSV'],
		] as const;
		for (const [body, key, details] of refusals) {
			const error = await sdkError(sdk().distributions.exports.create(body as never));
			expect(error).toMatchObject({ code: 400, key });
			expect(error.details).toContain(details);
		}
		expect((await sdkError(sdk().distributions.exports.create({ exported_object: 'voucher', parameters: { fields: ['colour'] } } as never))) as unknown).toMatchObject({ message: 'Invalid Export' });
		expect(target.api.snapshot().exports).toEqual({});
	});

	test('vouchers.exportTransactions exports the gift card transactions with its voucher_id filter', async () => {
		const card = await sdk().vouchers.create({ code: 'CARD-X', type: 'GIFT_VOUCHER', gift: { amount: 2000 } } as never);
		await sdk().vouchers.balance.create('CARD-X', { amount: 500, reason: 'goodwill', source_id: 'top-up-1' } as never);
		await sdk().redemptions.redeem('CARD-X', { customer: { source_id: 'gift-ann' }, order: { amount: 700 } } as never);
		await sdk().vouchers.balance.create('GIFT50', { amount: 100 } as never);
		const created = await sdk().vouchers.exportTransactions('CARD-X', { parameters: { fields: ['type', 'source_id', 'reason', 'amount', 'balance', 'voucher_id'] } });
		expect(created).toEqual({
			id: expect.stringMatching(/^exp_/),
			object: 'export',
			created_at: expect.stringMatching(ISO),
			status: 'SCHEDULED',
			channel: 'API',
			exported_object: 'voucher_transactions',
			parameters: { fields: ['type', 'source_id', 'reason', 'amount', 'balance', 'voucher_id'], filters: { voucher_id: { conditions: { $in: [card.id] } } } },
			result: null,
			user_id: null,
		});
		const done = await sdk().distributions.exports.get(created.id);
		expect(done).toMatchObject({ status: 'DONE', exported_object: 'voucher_transactions' });
		expect(await download(done.result?.url)).toEqual(['type,source_id,reason,amount,balance,voucher_id', `CREDITS_ADDITION,top-up-1,goodwill,500,2500,${card.id}`, `CREDITS_REDEMPTION,,,-700,1800,${card.id}`]);

		const defaults = await sdk().vouchers.exportTransactions('CARD-X', { parameters: { order: '-created_at' } });
		expect(defaults.parameters).toEqual({ order: '-created_at', filters: { voucher_id: { conditions: { $in: [card.id] } } } });
		const [header, ...rows] = await download((await sdk().distributions.exports.get(defaults.id)).result?.url);
		expect(header).toBe('id,type,source_id,reason,source,balance,amount,created_at');
		expect(rows.map((row) => row.split(',')[1])).toEqual(['CREDITS_REDEMPTION', 'CREDITS_ADDITION']);
	});

	test('exportTransactions of an unknown code is 404 not_found; a bad order is 400; nothing is stored', async () => {
		expect(await sdkError(sdk().vouchers.exportTransactions('NO-SUCH', {}))).toMatchObject({ code: 404, key: 'not_found', details: 'Cannot find voucher with id NO-SUCH' });
		expect(await sdkError(sdk().vouchers.exportTransactions('GIFT50', { parameters: { order: 'amount' } } as never))).toMatchObject({ code: 400, key: 'invalid_payload' });
		expect(await sdkError(sdk().vouchers.exportTransactions('GIFT50', { parameters: { fields: ['colour'] } } as never))).toMatchObject({ code: 400, key: 'invalid_export_fields' });
		expect(target.api.snapshot().exports).toEqual({});
	});
});

describe('an export with a job delay', () => {
	const target = useHttpMock({ jobDelayMs: 60_000 });
	afterEach(() => vi.useRealTimers());

	test('reads SCHEDULED with result null until jobDelayMs has passed, its file not served before, then DONE', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(new Date('2026-03-01T10:00:00Z'));
		const sdk = sdkOf(target);
		const created = await sdk.distributions.exports.create({ exported_object: 'voucher', parameters: { fields: ['code'], filters: { code: { conditions: { $is: ['SAVE5'] } } } } } as never);
		vi.setSystemTime(new Date('2026-03-01T10:00:59.999Z'));
		expect(await sdk.distributions.exports.get(created.id)).toMatchObject({ status: 'SCHEDULED', result: null });
		const token = target.api.snapshot().exports[created.id]?.token;
		expect((await fetch(`${target.baseUrl}/v1/exports/${created.id}/download?token=${token}`)).status).toBe(404);
		vi.setSystemTime(new Date('2026-03-01T10:01:00Z'));
		const done = await sdk.distributions.exports.get(created.id);
		expect(done).toMatchObject({ status: 'DONE', created_at: '2026-03-01T10:00:00.000Z' });
		expect(await download(done.result?.url)).toEqual(['code', 'SAVE5']);
	});
});

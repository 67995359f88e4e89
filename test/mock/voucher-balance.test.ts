import { describe, expect, test } from 'vitest';
import { officialServer, sdkError } from './sdk-support.js';
import { useHttpMock } from './support.js';

describe('gift card balance and transactions, driven by @voucherify/sdk over HTTP', () => {
	const target = useHttpMock();
	const sdk = () => officialServer(target);

	test('adding balance grows the card, and the transactions list the addition and a later redemption, newest first', async () => {
		const card = await sdk().vouchers.create({ code: 'CARD-1', type: 'GIFT_VOUCHER', gift: { amount: 2000 } } as never);
		const added = await sdk().vouchers.balance.create('CARD-1', { amount: 500, reason: 'goodwill', source_id: 'top-up-1' } as never);
		expect(added).toEqual({ type: 'gift_voucher', amount: 500, total: 2500, balance: 2500, object: 'balance', operation_type: 'MANUAL', related_object: { id: card.id, type: 'voucher' } });
		expect((await sdk().vouchers.get('CARD-1')).gift).toMatchObject({ amount: 2500, balance: 2500 });

		await sdk().redemptions.redeem('CARD-1', { customer: { source_id: 'gift-ann' }, order: { amount: 700 } } as never);
		const list = await sdk().vouchers.listTransactions('CARD-1');
		expect(list).toMatchObject({ object: 'list', data_ref: 'data', has_more: false });
		expect(list.data.map((transaction) => transaction.type)).toEqual(['CREDITS_REDEMPTION', 'CREDITS_ADDITION']);
		expect(list.data[1]).toMatchObject({ voucher_id: card.id, source_id: 'top-up-1', reason: 'goodwill', source: 'API', details: { balance: { amount: 500, balance: 2500, total: 2500 } } });
		expect(list.data[0]).toMatchObject({ voucher_id: card.id, details: { balance: { amount: -700, balance: 1800, total: 2500 } } });
	});

	test('a discount voucher has no balance to add to; an unknown code is not found; a bad amount is invalid_payload', async () => {
		expect(await sdkError(sdk().vouchers.balance.create('SAVE5', { amount: 100 }))).toMatchObject({ code: 400, key: 'invalid_voucher' });
		expect((await sdkError(sdk().vouchers.balance.create('NO-SUCH', { amount: 100 }))).code).toBe(404);
		expect(await sdkError(sdk().vouchers.balance.create('SAVE5', { amount: -1 }))).toMatchObject({ code: 400, key: 'invalid_payload' });
		expect((await sdkError(sdk().vouchers.listTransactions('NO-SUCH'))).code).toBe(404);
	});
});

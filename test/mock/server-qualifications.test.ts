import { describe, expect, test } from 'vitest';
import { officialServer } from './sdk-support.js';
import { useHttpMock } from './support.js';

describe('server-side qualifications through @voucherify/sdk over HTTP', () => {
	const target = useHttpMock();
	const sdk = () => officialServer(target);

	test('options.filters.code.conditions.$in limits the answer to those codes', async () => {
		const answer = (await sdk().qualifications.checkEligibility({ scenario: 'ALL', order: { amount: 10000 }, options: { filters: { code: { conditions: { $in: ['SAVE5'] } } } } } as never)) as unknown as { redeemables: { data: { id: string; object: string; status: string }[]; total: number } };
		expect(answer.redeemables.data.map(({ id, object, status }) => [id, object, status])).toEqual([['SAVE5', 'voucher', 'APPLICABLE']]);
		expect(answer.redeemables.total).toBe(1);
	});
});

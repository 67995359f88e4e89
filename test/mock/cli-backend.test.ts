import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { officialServer, sdkError } from './sdk-support.js';
import type { MockTarget } from './support.js';

// A shop's backend against `voucherify-mock` as shipped (dist/mock/cli.js, which `npm test` builds), through
// @voucherify/sdk's server side as its documentation shows: the wallet, an export's life and the not_found answer.
const CLI = fileURLToPath(new URL('../../dist/mock/cli.js', import.meta.url));
const JOB_DELAY_MS = 1000;

describe('voucherify-mock answers a backend driven by @voucherify/sdk', () => {
	const child = { stop: () => {} };
	let target: MockTarget;

	beforeAll(async () => {
		if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first with \`npx rollup -c\` (npm test does)`);
		const cli = spawn(process.execPath, [CLI, '--port', '0', '--job-delay', String(JOB_DELAY_MS)]);
		child.stop = () => cli.kill('SIGTERM');
		const baseUrl = await new Promise<string>((resolve, reject) => {
			let stdout = '';
			cli.stdout.on('data', (chunk: Buffer) => {
				stdout += chunk.toString();
				const url = /listening on (\S+)/.exec(stdout)?.[1];
				if (url) resolve(url);
			});
			cli.once('exit', (code) => reject(new Error(`voucherify-mock exited with ${code} before listening`)));
		});
		target = { baseUrl } as MockTarget;
	});
	afterAll(() => child.stop());

	test('a published code is in the customer wallet; a voucher export goes SCHEDULED, then DONE with a file listing it', async () => {
		const sdk = officialServer(target);
		await sdk.campaigns.create({ name: 'Autumn', campaign_type: 'DISCOUNT_COUPONS', type: 'AUTO_UPDATE', voucher: { type: 'DISCOUNT_VOUCHER', discount: { type: 'PERCENT', percent_off: 15 }, code_config: { prefix: 'AUT-', length: 6 } } as never });
		const publication = await sdk.distributions.publications.create({ customer: { source_id: 'cli-ann', email: 'ann@example.com' }, campaign: { name: 'Autumn' } });
		expect(publication.voucher.code).toMatch(/^AUT-.{6}$/);
		const wallet = (await sdk.customers.listRedeemables('cli-ann')) as unknown as { total: number; data: { redeemable: { voucher: { code: string } } }[] };
		expect(wallet.total).toBe(1);
		expect(wallet.data[0]?.redeemable.voucher.code).toBe(publication.voucher.code);

		const created = await sdk.distributions.exports.create({ exported_object: 'voucher', parameters: { fields: ['code'] } } as never);
		expect(created).toMatchObject({ status: 'SCHEDULED', result: null, channel: 'API', exported_object: 'voucher' });
		expect((await sdk.distributions.exports.get(created.id)).status).toBe('SCHEDULED');
		await new Promise((resolve) => setTimeout(resolve, JOB_DELAY_MS + 50));
		const done = await sdk.distributions.exports.get(created.id);
		expect(done.status).toBe('DONE');
		const file = await (await fetch(String(done.result?.url))).text();
		expect(file.split(/\r?\n/)).toContain(publication.voucher.code);
	});

	test('an unknown code answers 404 not_found "Resource not found"', async () => {
		expect(await sdkError(officialServer(target).vouchers.get('NO-SUCH-CODE'))).toMatchObject({ code: 404, key: 'not_found', message: 'Resource not found' });
	});
});

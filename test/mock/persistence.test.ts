import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createMockApi, RESET_PATH } from '../../src/mock/index.js';
import { serverCall, useHttpMock, validate, type MockTarget } from './support.js';

let directory: string;
beforeEach(() => {
	directory = mkdtempSync(join(tmpdir(), 'voucherify-mock-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

/** Runs `use` against a started mock on `dataFile`, then stops it. */
async function withMock(dataFile: string, use: (target: MockTarget) => Promise<void>): Promise<void> {
	const api = createMockApi({ dataFile });
	const server = await api.start({ port: 0 });
	try {
		await use({ api, baseUrl: server.url });
	} finally {
		await server.close();
	}
}

describe('the dataFile option', () => {
	test('the state survives a new instance on the same file', async () => {
		const dataFile = join(directory, 'state.json');
		await withMock(dataFile, async (target) => {
			await validate(target, { code: 'WELCOME10', tracking_id: 'track_persisted' });
			await serverCall(target, 'POST', '/vouchers/LASTONE/redemption?tracking_id=track_persisted', { body: { order: { amount: 2000 } } });
		});
		await withMock(dataFile, async (target) => {
			const customer = await serverCall(target, 'GET', '/customers/track_persisted');
			expect(customer.status).toBe(200);
			expect((await validate(target, { code: 'LASTONE' })).body.valid).toBe(false);
		});
	});

	test('the file is created at start and holds valid JSON after every change, with no temporary file left', async () => {
		const dataFile = join(directory, 'state.json');
		await withMock(dataFile, async (target) => {
			expect(JSON.parse(readFileSync(dataFile, 'utf8'))).toMatchObject({ format: 'voucherify-mock-state', customers: [] });
			await serverCall(target, 'POST', '/customers', { body: { source_id: 'uma' } });
			expect(JSON.parse(readFileSync(dataFile, 'utf8')).customers).toMatchObject([{ source_id: 'uma' }]);
		});
		expect(readdirSync(directory)).toEqual(['state.json']);
	});

	test('a temporary file left by a dead process is removed on start; one of a live process is kept', async () => {
		const dataFile = join(directory, 'state.json');
		const dead = join(directory, '.state.json.2147483646.tmp');
		const live = join(directory, `.state.json.${process.ppid}.tmp`);
		writeFileSync(dead, '{"half": ');
		writeFileSync(live, '{"half": ');
		await withMock(dataFile, async () => undefined);
		expect(readdirSync(directory).sort()).toEqual([`.state.json.${process.ppid}.tmp`, 'state.json']);
	});

	test('a change that cannot be saved is undone: the call answers 500 and repeating it later succeeds once', async () => {
		const dataFile = join(directory, 'state.json');
		await withMock(dataFile, async (target) => {
			rmSync(directory, { recursive: true });
			const unsaved = await serverCall(target, 'POST', '/vouchers/LASTONE/redemption', { body: { order: { amount: 2000 } } });
			expect(unsaved.status).toBe(500);
			expect(target.api.snapshot().vouchers.find((voucher) => voucher.code === 'LASTONE')?.redemption.redeemed_quantity).toBe(0);

			mkdirSync(directory);
			const saved = await serverCall(target, 'POST', '/vouchers/LASTONE/redemption', { body: { order: { amount: 2000 } } });
			expect(saved.status).toBe(200);
			const onDisk = JSON.parse(readFileSync(dataFile, 'utf8')) as { vouchers: { code: string; redemption: { redeemed_quantity: number } }[] };
			expect(onDisk.vouchers.find((voucher) => voucher.code === 'LASTONE')?.redemption.redeemed_quantity).toBe(1);
		});
	});

	test('a file that is not a mock state is refused, naming the file', () => {
		const dataFile = join(directory, 'wrong.json');
		writeFileSync(dataFile, '{"hello": "world"}');
		expect(() => createMockApi({ dataFile })).toThrow(/wrong\.json is not a mock state file/);
	});
});

describe('the reset endpoint', () => {
	const target = useHttpMock();

	test('POST /__mock/reset needs no keys and restores the fixtures', async () => {
		await serverCall(target, 'POST', '/vouchers/LASTONE/redemption?tracking_id=track_reset', { body: { order: { amount: 2000 } } });
		await validate(target, { code: 'WELCOME10', tracking_id: 'track_anon' });
		const response = await fetch(`${target.baseUrl}${RESET_PATH}`, { method: 'POST' });
		expect(response.status).toBe(204);
		expect(target.api.snapshot().customers).toEqual([]);
		expect(target.api.anonymousActivity('track_anon')).toEqual([]);
		expect((await validate(target, { code: 'LASTONE' })).body.valid).toBe(true);
	});

	test('the msw handlers do not serve it', async () => {
		const api = createMockApi();
		expect(await getResponse([...api.handlers], new Request(`https://api.voucherify.test${RESET_PATH}`, { method: 'POST' }))).toBeUndefined();
	});
});

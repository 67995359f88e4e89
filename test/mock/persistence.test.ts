import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createMockApi, RESET_PATH, type MockStateSnapshot } from '../../src/mock/index.js';
import type { JournalLine } from '../../src/mock/persistence/journal-record.js';
import { readStoredState } from '../../src/mock/persistence/state-store.js';
import { clientCall, serverCall, useHttpMock, validate, type MockTarget } from './support.js';

let directory: string;
beforeEach(() => {
	directory = mkdtempSync(join(tmpdir(), 'voucherify-mock-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

/** The journal lines next to `dataFile`. */
const journalLines = (dataFile: string): JournalLine[] =>
	readFileSync(`${dataFile}.journal`, 'utf8')
		.split('\n')
		.filter((line) => line !== '')
		.map((line) => JSON.parse(line) as JournalLine);

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

	test('the snapshot and an empty journal are written at start; a change appends one journal line and leaves the snapshot alone', async () => {
		const dataFile = join(directory, 'state.json');
		await withMock(dataFile, async (target) => {
			const snapshotAtStart = readFileSync(dataFile, 'utf8');
			expect(JSON.parse(snapshotAtStart)).toMatchObject({ format: 'voucherify-mock-state', version: 2, maps: { customers: [] } });
			expect(readFileSync(`${dataFile}.journal`, 'utf8')).toBe('');
			await serverCall(target, 'POST', '/customers', { body: { source_id: 'uma' } });
			const lines = journalLines(dataFile);
			expect(lines).toHaveLength(1);
			const customerId = expect.stringMatching(/^cust_/);
			expect(lines[0]?.changes).toEqual([
				{ map: 'customers', key: customerId, value: expect.objectContaining({ source_id: 'uma' }) },
				{ map: 'customerActivity', key: customerId, value: [expect.objectContaining({ type: 'customer.created', data: { customer: expect.objectContaining({ source_id: 'uma' }) } })] },
			]);
			expect(readFileSync(dataFile, 'utf8')).toBe(snapshotAtStart);
		});
		expect(readdirSync(directory).sort()).toEqual(['state.json', 'state.json.journal']);
	});

	test('a validation appends only what it recorded: one activity onto the visitor\'s list, not the whole list', async () => {
		const dataFile = join(directory, 'state.json');
		await withMock(dataFile, async (target) => {
			await validate(target, { code: 'WELCOME10', tracking_id: 'track_appended' });
			await validate(target, { code: 'WELCOME10', tracking_id: 'track_appended' });
			const second = journalLines(dataFile)[1];
			expect(second?.changes).toEqual([{ map: 'anonymousActivity', key: 'track_appended', append: [expect.objectContaining({ type: 'customer.validation.succeeded' })] }]);
		});
	});

	test('a torn last journal line (a kill mid-append) is ignored; every complete line loads', async () => {
		const dataFile = join(directory, 'state.json');
		await withMock(dataFile, async (target) => {
			await serverCall(target, 'POST', '/customers', { body: { source_id: 'kept' } });
		});
		appendFileSync(`${dataFile}.journal`, '{"generation":1,"changes":[{"map":"customers","key":"cust_torn","value":{"id":"cust_t');
		await withMock(dataFile, async (target) => {
			expect((await serverCall(target, 'GET', '/customers/kept')).status).toBe(200);
			expect(target.api.getCustomer('cust_torn')).toBeUndefined();
			// Loading folded the journal into a new snapshot and started the journal over.
			expect(readFileSync(`${dataFile}.journal`, 'utf8')).toBe('');
		});
	});

	test('a new instance on the files has exactly the state the old one had, after every kind of change', async () => {
		const dataFile = join(directory, 'state.json');
		let before: MockStateSnapshot | undefined;
		await withMock(dataFile, async (target) => {
			await validate(target, { code: 'WELCOME10', tracking_id: 'track_a' });
			await validate(target, { code: 'NOPE', tracking_id: 'track_a' });
			const answers = [
				await clientCall(target, 'POST', '/publish?campaign=Welcome%20Codes', { body: { customer: { source_id: 'track_a' } } }),
				await clientCall(target, 'POST', '/events', { body: { event: 'viewed', customer: { source_id: 'track_b' } } }),
				await clientCall(target, 'PUT', '/customers/track_a/consents', { body: { cnst_newsletter: true } }),
			];
			expect(answers.map((answer) => answer.status)).toEqual([200, 200, 204]);
			await serverCall(target, 'POST', '/vouchers/LASTONE/redemption?tracking_id=track_a', { body: { customer: { source_id: 'dana' }, order: { amount: 2000 } } });
			await serverCall(target, 'POST', '/customers', { body: { source_id: 'gone' } });
			await serverCall(target, 'DELETE', '/customers/gone');
			await serverCall(target, 'POST', '/customers', { body: { source_id: 'gone' } });
			await validate(target, { code: 'WELCOME10', tracking_id: 'dana' });
			before = target.api.snapshot();
		});
		expect(before?.customers.map((customer) => customer.source_id)).toEqual(['dana', 'gone']);
		await withMock(dataFile, async (target) => {
			expect(target.api.snapshot()).toEqual(before);
		});
	});

	test('the journal is folded into the snapshot once it outgrows it, and nothing is lost by that', async () => {
		const dataFile = join(directory, 'state.json');
		let before: MockStateSnapshot | undefined;
		await withMock(dataFile, async (target) => {
			const padding = 'x'.repeat(20_000);
			for (let index = 0; index < 60; index += 1) await serverCall(target, 'POST', '/customers', { body: { source_id: `big-${index}`, metadata: { padding } } });
			before = target.api.snapshot();
			expect(statSync(`${dataFile}.journal`).size).toBeLessThan(statSync(dataFile).size);
		});
		expect(readStoredState(dataFile)?.customers.size).toBe(60);
		await withMock(dataFile, async (target) => expect(target.api.snapshot()).toEqual(before));
	});

	test('a data file of the earlier format (version 1, one JSON document) loads', async () => {
		const dataFile = join(directory, 'state.json');
		const old = createMockApi();
		const server = await old.start({ port: 0 });
		await serverCall({ api: old, baseUrl: server.url }, 'POST', '/customers', { body: { source_id: 'from-v1' } });
		await server.close();
		writeFileSync(dataFile, JSON.stringify(old.snapshot()));
		await withMock(dataFile, async (target) => {
			expect(target.api.getCustomer('from-v1')?.source_id).toBe('from-v1');
		});
	});

	test('a temporary file left by a dead process is removed on start; one of a live process is kept', async () => {
		const dataFile = join(directory, 'state.json');
		const dead = join(directory, '.state.json.2147483646.tmp');
		const deadJournal = join(directory, '.state.json.journal.2147483646.tmp');
		const live = join(directory, `.state.json.${process.ppid}.tmp`);
		writeFileSync(dead, '{"half": ');
		writeFileSync(deadJournal, '{"half": ');
		writeFileSync(live, '{"half": ');
		await withMock(dataFile, async () => undefined);
		expect(readdirSync(directory).sort()).toEqual([`.state.json.${process.ppid}.tmp`, 'state.json', 'state.json.journal']);
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
			const onDisk = journalLines(dataFile).flatMap((line) => line.changes).filter((change) => 'map' in change && change.map === 'vouchers');
			expect(onDisk).toMatchObject([{ key: 'LASTONE', value: { redemption: { redeemed_quantity: 1 } } }]);
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

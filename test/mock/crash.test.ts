import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readStoredState } from '../../src/mock/persistence/state-store.js';
import { SERVER_KEYS } from './support.js';

/**
 * Crash safety of `--data`: the CLI, as shipped, is SIGKILLed at random moments while it creates
 * vouchers, then restarted on the same file, round after round. The rounds run once, in `beforeAll`;
 * each test checks one property of what they recorded.
 */

// Tested as shipped: `npm test` builds dist/ before vitest runs.
const CLI = fileURLToPath(new URL('../../dist/mock/cli.js', import.meta.url));
const LISTENING = /Voucherify mock API listening on (http:\/\/127\.0\.0\.1:\d+)\n/;
const ROUNDS = 8;
const WRITERS = 4;
/** Kill moments are drawn from this seed (mulberry32), between these bounds after the first write is acknowledged. */
const SEED = 8_675_309;
const KILL_AFTER_MS = { min: 0, max: 200 };

function seededDelays(seed: number, count: number): number[] {
	let state = seed >>> 0;
	return Array.from({ length: count }, () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let mixed = Math.imul(state ^ (state >>> 15), state | 1);
		mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
		const unit = ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
		return KILL_AFTER_MS.min + Math.floor(unit * (KILL_AFTER_MS.max - KILL_AFTER_MS.min));
	});
}

interface Launched {
	readonly child: ChildProcessWithoutNullStreams;
	readonly url: Promise<string>;
	readonly exited: Promise<void>;
}

const running = new Set<ChildProcessWithoutNullStreams>();

function launch(dataFile: string): Launched {
	const child = spawn(process.execPath, [CLI, '--port', '0', '--data', dataFile]);
	running.add(child);
	let stdout = '';
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	void exited.then(() => running.delete(child));
	const url = new Promise<string>((resolve, reject) => {
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
			const match = LISTENING.exec(stdout);
			if (match?.[1]) resolve(match[1]);
		});
		void exited.then(() => reject(new Error(`the CLI exited before it was ready: ${stderr}`)));
	});
	url.catch(() => undefined);
	return { child, url, exited };
}

/** What one round saw. */
interface Round {
	/** Codes whose creation was answered 200 before the kill. */
	readonly acknowledged: string[];
	/** Whether the file parsed as a mock state right after the kill, and the codes it held. */
	readonly fileAfterKill: { parses: boolean; codes: Set<string> };
	/** Creations in flight when the process died (never answered). */
	readonly unanswered: number;
}

const createVoucher = (url: string, code: string) =>
	fetch(`${url}/v1/vouchers/${code}`, {
		method: 'POST',
		headers: { ...SERVER_KEYS, 'Content-Type': 'application/json' },
		body: JSON.stringify({ type: 'DISCOUNT_VOUCHER', discount: { type: 'AMOUNT', amount_off: 100 }, metadata: { code } }),
	});

function readState(dataFile: string): { parses: boolean; codes: Set<string> } {
	try {
		const state = readStoredState(dataFile);
		return { parses: state !== undefined, codes: new Set(state?.vouchers.keys()) };
	} catch {
		return { parses: false, codes: new Set() };
	}
}

/**
 * Writers create vouchers one after another until the server dies under them. The kill comes
 * `killAfterMs` after the first acknowledged write, so every round has writes to check however slow
 * the disk's fsync is.
 */
async function writeUntilKilled(url: string, round: number, killAfterMs: number, child: ChildProcessWithoutNullStreams, exited: Promise<void>) {
	const acknowledged: string[] = [];
	let unanswered = 0;
	let alive = true;
	let firstAcknowledged: () => void = () => undefined;
	const started = new Promise<void>((resolve) => (firstAcknowledged = resolve));
	const writer = async (writerIndex: number) => {
		for (let index = 0; alive; index += 1) {
			const code = `CRASH-${round}-${writerIndex}-${index}`;
			try {
				const response = await createVoucher(url, code);
				await response.text();
				if (response.status !== 200) throw new Error(`creating ${code} answered ${response.status}`);
				acknowledged.push(code);
				firstAcknowledged();
			} catch (error) {
				if (alive) throw error;
				unanswered += 1;
				return;
			}
		}
	};
	const writers = Promise.all(Array.from({ length: WRITERS }, (_, writerIndex) => writer(writerIndex)));
	// Awaited after the kill; a writer failing before it must not count as an unhandled rejection meanwhile.
	writers.catch(() => undefined);
	await Promise.race([started, writers]);
	await new Promise((resolve) => setTimeout(resolve, killAfterMs));
	alive = false;
	child.kill('SIGKILL');
	await exited;
	await writers;
	return { acknowledged, unanswered };
}

describe(`--data under ${ROUNDS} SIGKILLs at random moments during writes`, () => {
	let directory: string;
	let dataFile: string;
	const rounds: Round[] = [];
	/** For each restart, the acknowledged codes of every earlier round the restarted server did not have. */
	const missingAfterRestart: string[][] = [];
	/** The directory once the last server has started and stopped. */
	let filesAtEnd: string[] = [];

	beforeAll(async () => {
		if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first with \`npx rollup -c\` (npm test does)`);
		directory = mkdtempSync(join(tmpdir(), 'voucherify-crash-'));
		dataFile = join(directory, 'state.json');
		const acknowledgedSoFar: string[] = [];
		for (const [round, killAfterMs] of seededDelays(SEED, ROUNDS).entries()) {
			const { child, url, exited } = launch(dataFile);
			const base = await url;
			missingAfterRestart.push(await missingFrom(base, acknowledgedSoFar));
			const { acknowledged, unanswered } = await writeUntilKilled(base, round, killAfterMs, child, exited);
			rounds.push({ acknowledged, unanswered, fileAfterKill: readState(dataFile) });
			acknowledgedSoFar.push(...acknowledged);
		}
		const last = launch(dataFile);
		missingAfterRestart.push(await missingFrom(await last.url, acknowledgedSoFar));
		last.child.kill('SIGTERM');
		await last.exited;
		filesAtEnd = readdirSync(directory);
	}, 60_000);

	afterAll(() => {
		for (const child of running) child.kill('SIGKILL');
		if (directory) rmSync(directory, { recursive: true, force: true });
	});

	/** The codes the server at `url` does not have. */
	async function missingFrom(url: string, codes: readonly string[]): Promise<string[]> {
		const missing: string[] = [];
		for (const code of codes) {
			const response = await fetch(`${url}/v1/vouchers/${code}`, { headers: SERVER_KEYS });
			await response.text();
			if (response.status !== 200) missing.push(code);
		}
		return missing;
	}

	test('every round acknowledged some writes before its kill', () => {
		expect(rounds).toHaveLength(ROUNDS);
		expect(rounds.filter((round) => round.acknowledged.length === 0)).toEqual([]);
	});

	test('the kills landed mid-write: writes were still in flight when the process died', () => {
		expect(rounds.map((round) => round.unanswered).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
	});

	test('the data files (snapshot and journal) load as a mock state after every kill', () => {
		expect(rounds.map((round) => round.fileAfterKill.parses)).toEqual(Array.from({ length: ROUNDS }, () => true));
	});

	test('the data files hold every voucher acknowledged before each kill', () => {
		expect(rounds.map((round) => round.acknowledged.filter((code) => !round.fileAfterKill.codes.has(code)))).toEqual(Array.from({ length: ROUNDS }, () => []));
	});

	test('a restart removes the temporary files killed processes left half-written', () => {
		expect(filesAtEnd.sort()).toEqual(['state.json', 'state.json.journal']);
	});

	test('the restarted server has every voucher acknowledged in any earlier round', () => {
		expect(missingAfterRestart).toHaveLength(ROUNDS + 1);
		expect(missingAfterRestart).toEqual(Array.from({ length: ROUNDS + 1 }, () => []));
	});
});

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

/**
.ci/summarize.mjs, the line CI reads, on reports the real vitest writes: the fixture suite in
support/ci-fixtures/ runs once (a passing file, a failing one, one all skipped or todo, one whose beforeAll throws
with 5 tests, one whose describe block's beforeAll throws, one that throws while loading), and each case below is a
step made of some of its files.
*/

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./support/ci-fixtures/', import.meta.url));
const run = promisify(execFile);

type FileResult = { name: string; status: string; assertionResults: Array<{ status: string }> };
type VitestReport = { success: boolean; testResults: FileResult[] };

let scratch = '';
let report: VitestReport;

beforeAll(async () => {
	scratch = mkdtempSync(join(tmpdir(), 'ci-summary-'));
	const output = join(scratch, 'fixtures.json');
	// The fixture run fails on purpose (its failing files); only the report it writes matters. VITEST* variables of
	// this run would make the child think it is a worker.
	const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
	await run(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', join(FIXTURES, 'vitest.config.mjs'), '--root', FIXTURES, '--reporter=json', `--outputFile.json=${output}`], {
		cwd: ROOT,
		env,
	}).catch(() => undefined);
	report = JSON.parse(readFileSync(output, 'utf8')) as VitestReport;
}, 60_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A step's report: the real report cut down to the fixture files named, `success` as vitest would set it. */
function stepOf(...files: string[]): VitestReport {
	const testResults = report.testResults.filter((entry) => files.some((file) => entry.name.endsWith(`/${file}.fixture.mjs`)));
	if (testResults.length !== files.length) throw new Error(`fixture report lacks one of ${files.join(', ')}`);
	return { ...report, testResults, success: testResults.every((entry) => entry.status === 'passed') };
}

let written = 0;
/** Runs the summarizer on pairs of (report, exit status); a report of `undefined` is one that was never written. */
async function summarize(...steps: Array<[report: unknown, status: number]>): Promise<{ lines: string[]; exitCode: number }> {
	const args = steps.flatMap(([content, status]) => {
		const file = join(scratch, `step-${(written += 1)}.json`);
		if (content !== undefined) writeFileSync(file, JSON.stringify(content));
		return [file, String(status)];
	});
	const { stdout, exitCode } = await run(process.execPath, [join(ROOT, '.ci/summarize.mjs'), ...args], { cwd: ROOT }).then(
		({ stdout }) => ({ stdout, exitCode: 0 }),
		(error: { stdout: string; code: number }) => ({ stdout: error.stdout, exitCode: error.code }),
	);
	return { lines: stdout.trim().split('\n'), exitCode };
}

describe('the fixture report is what vitest 4 writes', () => {
	test('a beforeAll that throws leaves its 5 tests "skipped" and the file "failed"; a module that throws leaves no test', () => {
		const [setup] = stepOf('setup-fails').testResults;
		const [load] = stepOf('load-fails').testResults;

		expect(setup?.status).toBe('failed');
		expect(setup?.assertionResults.map((entry) => entry.status)).toEqual(['skipped', 'skipped', 'skipped', 'skipped', 'skipped']);
		expect(load?.status).toBe('failed');
		expect(load?.assertionResults).toEqual([]);
	});
});

describe('.ci/summarize.mjs', () => {
	test('a step whose tests all pass is green', async () => {
		expect(await summarize([stepOf('passing'), 0])).toEqual({ lines: ['3 passed, 0 failed'], exitCode: 0 });
	});

	test('a failing test is counted and red', async () => {
		const { lines, exitCode } = await summarize([stepOf('passing', 'failing'), 1]);

		expect(lines.at(-1)).toBe('4 passed, 1 failed');
		expect(exitCode).toBe(1);
	});

	test('a step whose tests are all skipped or todo is red and names the file and the tests', async () => {
		const { lines, exitCode } = await summarize([stepOf('skipped'), 0]);

		expect(lines.at(-1)).toBe('0 passed, 3 failed');
		expect(exitCode).toBe(1);
		expect(lines[0]).toMatch(/^\[ci\] step-\d+: .*skipped\.fixture\.mjs: 3 test\(s\) skipped or todo/);
		expect(lines[0]).toContain('skipped on purpose (skipped)');
		expect(lines[0]).toContain('not written yet (todo)');
	});

	test('one skipped test among passing ones makes the step red', async () => {
		const { lines, exitCode } = await summarize([stepOf('passing', 'skipped'), 0]);

		expect(lines.at(-1)).toBe('3 passed, 3 failed');
		expect(exitCode).toBe(1);
	});

	test('a file whose set-up fails counts each of its 5 tests as failed, and says why', async () => {
		const { lines, exitCode } = await summarize([stepOf('passing', 'setup-fails'), 1]);

		expect(lines.at(-1)).toBe('3 passed, 5 failed');
		expect(exitCode).toBe(1);
		expect(lines[0]).toMatch(/setup-fails\.fixture\.mjs.*the set-up broke/);
	});

	test("a describe block whose set-up fails is named, since vitest's report has no message for it", async () => {
		const { lines, exitCode } = await summarize([stepOf('block-setup-fails'), 1]);

		expect(lines.at(-1)).toBe('1 passed, 2 failed');
		expect(exitCode).toBe(1);
		expect(lines[0]).toMatch(/block-setup-fails\.fixture\.mjs failed; its 2 test\(s\) that did not run .*count as failed: webkit: a journey$/);
	});

	test('a file that fails to load counts as one failure and is named', async () => {
		const { lines, exitCode } = await summarize([stepOf('load-fails'), 1]);

		expect(lines).toEqual([expect.stringMatching(/load-fails\.fixture\.mjs failed to load: .*the module broke while loading/), '0 passed, 1 failed']);
		expect(exitCode).toBe(1);
	});

	test('a step that ran no test is red and says so', async () => {
		const { lines, exitCode } = await summarize([{ ...report, testResults: [], success: true }, 0]);

		expect(lines).toEqual([expect.stringMatching(/^\[ci\] step-\d+: ran no test$/), '0 passed, 1 failed']);
		expect(exitCode).toBe(1);
	});

	test("the consumer check's report: its counts are added, and one that checked nothing is red", async () => {
		const green = await summarize([stepOf('passing'), 0], [{ passed: 4, failed: 0, results: [] }, 0]);
		const empty = await summarize([{ passed: 0, failed: 0, results: [] }, 0]);

		expect(green).toEqual({ lines: ['7 passed, 0 failed'], exitCode: 0 });
		expect(empty.lines.at(-1)).toBe('0 passed, 1 failed');
		expect(empty.exitCode).toBe(1);
	});

	test('a missing report or a non-zero exit with every test passed is one failure', async () => {
		const missing = await summarize([stepOf('passing'), 0], [undefined, 1]);
		const gate = await summarize([stepOf('passing'), 2]);

		expect(missing.lines.at(-1)).toBe('3 passed, 1 failed');
		expect(missing.lines[0]).toMatch(/no readable report/);
		expect(gate.lines).toEqual(['[ci] step-' + String(written) + ': exited with status 2', '3 passed, 1 failed']);
		expect(gate.exitCode).toBe(1);
	});
});

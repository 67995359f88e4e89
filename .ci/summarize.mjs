// Prints the one line CI reads, "N passed, N failed", over every step's report, and exits non-zero on any failure.
// Arguments: pairs of <report.json> <exit status>; a report is vitest's JSON reporter output or the consumer check's.
// A step is red, and a line before the summary says why, when it: failed a test; skipped a test or left one todo (each
// counts as failed); ran no test; had a file whose set-up failed (each test it held counts as failed: vitest 4 reports
// them as skipped); had a file that failed to load; or exited non-zero with nothing else to show for it.
import { existsSync, readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';

const readReport = (file) => {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
};

/** One vitest file's counts; `reason` is set when the file makes its step red. */
function summarizeFile(file) {
	const tests = file.assertionResults ?? [];
	const passed = tests.filter((test) => test.status === 'passed').length;
	const failedTests = tests.filter((test) => test.status === 'failed').length;
	const notRun = tests.filter((test) => test.status !== 'passed' && test.status !== 'failed');
	const name = relative(process.cwd(), file.name ?? '?');
	if (file.status === 'failed') {
		const failed = Math.max(1, failedTests + notRun.length);
		const why = file.message ? `: ${file.message.split('\n')[0]}` : '';
		if (tests.length === 0) return { passed, failed, reason: `${name} failed to load${why}` };
		if (notRun.length > 0) {
			// vitest's report carries no message for a failed hook: name the blocks whose tests did not run.
			const blocks = [...new Set(notRun.map((test) => (test.ancestorTitles ?? []).join(' > ') || test.title))].join('; ');
			return { passed, failed, reason: `${name} failed${why}; its ${notRun.length} test(s) that did not run (a set-up failed, or skipped) count as failed: ${blocks}` };
		}
		return { passed, failed, reason: failedTests === 0 ? `${name} failed outside its tests${why}` : undefined };
	}
	if (notRun.length === 0) return { passed, failed: failedTests };
	const titles = notRun.map((test) => `${test.fullName ?? test.title} (${test.status})`).join(', ');
	return { passed, failed: failedTests + notRun.length, reason: `${name}: ${notRun.length} test(s) skipped or todo, counted as failed: ${titles}` };
}

/** One step's counts and the reasons it is red. */
function summarizeStep(file, status) {
	const report = file && existsSync(file) ? readReport(file) : undefined;
	if (report === undefined) return { passed: 0, failed: 1, reasons: [`no readable report at ${file} (exit status ${status})`] };
	let passed = 0;
	let failed = 0;
	const reasons = [];
	if (Array.isArray(report.testResults)) {
		for (const entry of report.testResults) {
			const counts = summarizeFile(entry);
			passed += counts.passed;
			failed += counts.failed;
			if (counts.reason) reasons.push(counts.reason);
		}
	} else {
		// The consumer check: { passed, failed, results }.
		passed = Number(report.passed) || 0;
		failed = Number(report.failed) || 0;
	}
	if (passed + failed === 0) {
		failed = 1;
		reasons.push('ran no test');
	}
	if (failed === 0 && (status !== '0' || report.success === false)) {
		// A gate outside the tests (type-check, lint, build, size) or an unhandled error fails with no test to count.
		failed = 1;
		reasons.push(`exited with status ${status}${report.success === false ? ', its report says it did not succeed' : ''}`);
	}
	return { passed, failed, reasons };
}

const args = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (let index = 0; index < args.length; index += 2) {
	const [file, status] = [args[index], args[index + 1]];
	const step = summarizeStep(file, status);
	const name = file ? basename(file, '.json') : '?';
	for (const reason of step.reasons) console.log(`[ci] ${name}: ${reason}`);
	passed += step.passed;
	failed += step.failed;
}
if (args.length === 0) {
	console.log('[ci] no step reports were given');
	failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

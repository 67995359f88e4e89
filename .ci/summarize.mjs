// Prints the one line CI reads, "N passed, N failed", over every step's report, and exits non-zero on any failure.
// Arguments: pairs of <report.json> <exit status>; a report is vitest's JSON reporter output or the consumer check's.
import { existsSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (let index = 0; index < args.length; index += 2) {
	const [file, status] = [args[index], args[index + 1]];
	const report = file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
	// vitest: numPassedTests/numFailedTests/success; the consumer check: passed/failed.
	const stepPassed = report?.numPassedTests ?? report?.passed ?? 0;
	let stepFailed = report?.numFailedTests ?? report?.failed ?? 0;
	// A suite that failed to load, or a gate outside the tests (type-check, build, size), fails with no test to count.
	if (stepFailed === 0 && (status !== '0' || report === undefined || report.success === false)) stepFailed = 1;
	passed += stepPassed;
	failed += stepFailed;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

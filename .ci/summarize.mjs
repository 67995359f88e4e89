// Prints vitest's JSON report as the one line CI reads, and exits non-zero on any failure.
import { existsSync, readFileSync } from 'node:fs';

const [file, npmStatus] = process.argv.slice(2);
const report = file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
const passed = report?.numPassedTests ?? 0;
let failed = report?.numFailedTests ?? 0;
// A suite that failed to load, or a gate outside vitest (type-check, build, size), fails with no test to count.
if (failed === 0 && (npmStatus !== '0' || !report?.success)) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

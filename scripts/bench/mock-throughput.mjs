import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';

/** Child processes get this long; the mock benchmark is its own script with its own bounded loops. */
const TIMEOUT_MS = 180_000;

/**
Runs scripts/bench-mock.mjs (written separately) as a child process and returns what it wrote to
bench-results/mock.json, or a note saying why there is nothing.
*/
export async function runMockBenchmark({ root }) {
	const script = `${root}scripts/bench-mock.mjs`;
	const output = `${root}bench-results/mock.json`;
	if (!existsSync(script)) return { note: 'scripts/bench-mock.mjs does not exist: no mock throughput figures' };

	const started = Date.now();
	const code = await new Promise((resolve) => {
		// Its console output goes to stderr: stdout carries only the benchmark's one table.
		const child = spawn(process.execPath, [script], { cwd: root, stdio: ['ignore', process.stderr, 'inherit'] });
		const timer = setTimeout(() => child.kill('SIGTERM'), TIMEOUT_MS);
		child.on('exit', (exitCode, signal) => {
			clearTimeout(timer);
			resolve(signal ? `signal ${signal}` : exitCode);
		});
		child.on('error', (error) => {
			clearTimeout(timer);
			resolve(error.message);
		});
	});
	if (code !== 0) return { note: `scripts/bench-mock.mjs failed (${code}): no mock throughput figures` };
	// A mock.json left from an earlier run must not pass for this one's figures.
	if (!existsSync(output) || statSync(output).mtimeMs < started - 1000) {
		return { note: 'scripts/bench-mock.mjs wrote no bench-results/mock.json' };
	}
	return JSON.parse(readFileSync(output, 'utf8'));
}

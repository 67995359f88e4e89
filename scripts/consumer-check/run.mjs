// Small helpers of the consumer check: run a command and capture it, and record each check's result.
import { spawn } from 'node:child_process';

/** Runs `command args` in `cwd`; resolves with its exit code and output (never rejects on a non-zero exit). */
export function run(command, args, { cwd, env, timeoutMs = 180_000, input } = {}) {
	return new Promise((resolve) => {
		const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', (error) => (stderr += String(error)));
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({ code: code ?? (signal ? `killed by ${signal}` : 1), stdout, stderr });
		});
		child.stdin.end(input ?? '');
	});
}

/** Throws with the command's output when it did not exit 0. */
export async function runOk(command, args, options) {
	const result = await run(command, args, options);
	if (result.code !== 0) {
		throw new Error(`\`${[command, ...args].join(' ')}\` exited ${result.code}\n${tail(result.stdout + result.stderr)}`);
	}
	return result;
}

/** The last lines of a long output, enough to see why a step failed. */
export const tail = (text, lines = 40) => text.trimEnd().split('\n').slice(-lines).join('\n');

/** Collects results: each check is one named test that passes, or fails with a reason. */
export function createReport() {
	const results = [];
	return {
		results,
		/** Runs one check; a thrown error fails it, anything else passes it, with an optional detail line. */
		async check(consumer, name, body) {
			const started = Date.now();
			try {
				const detail = await body();
				results.push({ consumer, name, ok: true, detail, ms: Date.now() - started });
				console.log(`  ok    ${consumer}: ${name}${detail ? ` (${detail})` : ''} [${((Date.now() - started) / 1000).toFixed(1)} s]`);
			} catch (error) {
				const message = error instanceof Error ? error.message : String(error);
				results.push({ consumer, name, ok: false, detail: message, ms: Date.now() - started });
				console.log(`  FAIL  ${consumer}: ${name}\n${message.replace(/^/gm, '        ')}`);
			}
		},
	};
}

/** Throws `message` unless `condition` holds. */
export function assert(condition, message) {
	if (!condition) throw new Error(message);
}

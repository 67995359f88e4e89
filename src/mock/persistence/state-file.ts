import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A JSON file the mock's state is loaded from and saved to. */
export interface StateFile {
	readonly path: string;
	/** The parsed file, or `undefined` when it does not exist yet. Removes what killed processes left half-written. */
	load(): unknown;
	/** Replaces the file atomically. */
	save(value: unknown): void;
}

/** Makes the rename itself durable; not every platform can fsync a directory, and losing that is acceptable. */
function syncDirectory(directory: string): void {
	let descriptor: number | undefined;
	try {
		descriptor = openSync(directory, 'r');
		fsyncSync(descriptor);
	} catch {
		// Windows cannot open a directory for fsync; the rename is still atomic there.
	} finally {
		if (descriptor !== undefined) closeSync(descriptor);
	}
}

/** Whether a process with this id is running (signal 0 only checks). */
function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Removes the temporary files of processes that died mid-save (`kill -9`): they hold a state that was
 * never renamed into place, so nothing refers to them. A live process's file is left alone.
 */
function removeStaleTemporaries(directory: string, name: string): void {
	const prefix = `.${name}.`;
	let entries: string[];
	try {
		entries = readdirSync(directory);
	} catch {
		return;
	}
	for (const entry of entries) {
		const pid = entry.startsWith(prefix) && entry.endsWith('.tmp') ? entry.slice(prefix.length, -'.tmp'.length) : '';
		if (/^\d+$/.test(pid) && Number(pid) !== process.pid && !isRunning(Number(pid))) rmSync(join(directory, entry), { force: true });
	}
}

/**
 * A state file written the crash-safe way: a temporary file in the same directory, fsynced, then
 * renamed over the old one. A kill at any moment leaves either the old state or the new one.
 * Writes are synchronous, so a request is answered only once its change is on disk.
 */
export function createStateFile(path: string): StateFile {
	const directory = dirname(path);
	const temporary = join(directory, `.${basename(path)}.${process.pid}.tmp`);
	return {
		path,
		load() {
			removeStaleTemporaries(directory, basename(path));
			let text: string;
			try {
				text = readFileSync(path, 'utf8');
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
				throw error;
			}
			try {
				return JSON.parse(text) as unknown;
			} catch {
				throw new Error(`[voucherify] mock: ${path} is not valid JSON`);
			}
		},
		save(value) {
			try {
				const descriptor = openSync(temporary, 'w', 0o600);
				try {
					writeSync(descriptor, `${JSON.stringify(value, null, 2)}\n`);
					fsyncSync(descriptor);
				} finally {
					closeSync(descriptor);
				}
				renameSync(temporary, path);
			} catch (error) {
				rmSync(temporary, { force: true });
				throw error;
			}
			syncDirectory(directory);
		},
	};
}

import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A JSON file the mock's state is loaded from and saved to. */
export interface StateFile {
	readonly path: string;
	/** The parsed file, or `undefined` when it does not exist yet. */
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

import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Makes a rename itself durable; not every platform can fsync a directory, and losing that is acceptable. */
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

const temporaryOf = (path: string, pid: number): string => join(dirname(path), `.${basename(path)}.${pid}.tmp`);

/**
 * Removes the temporary files of processes that died mid-write (`kill -9`) next to `path`: they hold
 * a file that was never renamed into place, so nothing refers to them. A live process's file is left alone.
 */
export function removeStaleTemporaries(path: string): void {
	const prefix = `.${basename(path)}.`;
	let entries: string[];
	try {
		entries = readdirSync(dirname(path));
	} catch {
		return;
	}
	for (const entry of entries) {
		const pid = entry.startsWith(prefix) && entry.endsWith('.tmp') ? entry.slice(prefix.length, -'.tmp'.length) : '';
		if (/^\d+$/.test(pid) && Number(pid) !== process.pid && !isRunning(Number(pid))) rmSync(join(dirname(path), entry), { force: true });
	}
}

/** The file's text, or `undefined` when it does not exist. */
export function readTextFile(path: string): string | undefined {
	try {
		return readFileSync(path, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}

/** Writes all of `text` at the descriptor's position. */
export function writeFully(descriptor: number, text: string): void {
	const bytes = Buffer.from(text, 'utf8');
	for (let written = 0; written < bytes.length; ) written += writeSync(descriptor, bytes, written, bytes.length - written);
}

/**
 * Replaces a file the crash-safe way: a temporary file in the same directory, fsynced, then renamed
 * over the old one. A kill at any moment leaves either the old file or the new one. Synchronous.
 */
export function writeFileAtomically(path: string, text: string): void {
	const temporary = temporaryOf(path, process.pid);
	try {
		const descriptor = openSync(temporary, 'w', 0o600);
		try {
			writeFully(descriptor, text);
			fsyncSync(descriptor);
		} finally {
			closeSync(descriptor);
		}
		renameSync(temporary, path);
	} catch (error) {
		rmSync(temporary, { force: true });
		throw error;
	}
	syncDirectory(dirname(path));
}

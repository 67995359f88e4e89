import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync } from 'node:fs';
import type { JournalLine } from './journal-record.js';
import { readTextFile, writeFully } from './state-file.js';

/**
 * The lines of a journal that parse, in order. A line that does not parse is a write that never
 * completed (a SIGKILL mid-append leaves a torn last line; a failed append is cut off or fenced
 * off by a newline): its change was never answered as a success, so it is skipped.
 */
export function readJournal(path: string): JournalLine[] {
	const text = readTextFile(path);
	if (text === undefined) return [];
	const lines: JournalLine[] = [];
	for (const line of text.split('\n')) {
		if (line === '') continue;
		try {
			const parsed = JSON.parse(line) as Partial<JournalLine>;
			if (typeof parsed.generation === 'number' && Array.isArray(parsed.changes)) lines.push(parsed as JournalLine);
		} catch {
			// A torn write: see above.
		}
	}
	return lines;
}

/** Appends lines to a journal file, each fsynced before `append` returns. */
export interface JournalWriter {
	/** Bytes appended since the journal was last started over. */
	readonly bytes: number;
	append(line: JournalLine): void;
	/** Forgets the count after the file was replaced by an empty one. */
	restarted(): void;
}

/**
 * Opens the file for each append, so a journal whose directory was removed fails the change (which
 * is then undone) instead of writing into a deleted file.
 */
export function createJournalWriter(path: string): JournalWriter {
	let bytes = 0;
	/** Set when a failed append may have left a partial line that could not be cut off. */
	let fenceNeeded = false;
	return {
		get bytes() {
			return bytes;
		},
		append(line) {
			const text = `${fenceNeeded ? '\n' : ''}${JSON.stringify(line)}\n`;
			const descriptor = openSync(path, 'a', 0o600);
			let start: number | undefined;
			try {
				start = fstatSync(descriptor).size;
				writeFully(descriptor, text);
				fsyncSync(descriptor);
				fenceNeeded = false;
				bytes += Buffer.byteLength(text, 'utf8');
			} catch (error) {
				// Nothing was written when the size could not be read.
				if (start !== undefined) {
					try {
						ftruncateSync(descriptor, start);
					} catch {
						fenceNeeded = true;
					}
				}
				throw error;
			} finally {
				closeSync(descriptor);
			}
		},
		restarted() {
			bytes = 0;
			fenceNeeded = false;
		},
	};
}

import { isDomainError } from '../domain/shared/errors.js';
import { createEmptyState, STATE_LISTS, STATE_MAPS, type MockState } from '../domain/shared/state.js';
import { createJournalWriter, readJournal } from './journal-file.js';
import type { JournalLine, JournalRecord } from './journal-record.js';
import { journaledList, type JournaledList } from './journaled-list.js';
import { JournaledMap } from './journaled-map.js';
import { removeStaleTemporaries, readTextFile, writeFileAtomically } from './state-file.js';
import { applyRecord, decodeState, encodeState } from './stored-state.js';

/** Below this, the journal is left to grow even past the snapshot: compacting a tiny state often gains nothing. */
const COMPACT_AT_LEAST_BYTES = 1024 * 1024;

/**
 * The mock's state on disk: a snapshot file (`path`) plus an append-only journal (`path.journal`),
 * one line per change, fsynced before the change is answered. The journal is folded into a new
 * snapshot at start and whenever it outgrows the snapshot, so a change costs what it changed, and
 * the occasional compaction costs what is stored once per as many bytes of changes.
 */
export interface StateStore {
	readonly path: string;
	/** The state of the snapshot file, or `undefined` when there is none yet. */
	readonly loaded: MockState | undefined;
	/**
	 * Takes over `state` (the loaded one, or the fixtures when nothing was loaded): replays the journal
	 * onto it, writes a fresh snapshot and empty journal, and returns the copy whose changes it records.
	 */
	attach(state: MockState): MockState;
	/** Appends the changes since the last commit to the journal; when that fails, undoes them and throws. */
	commit(): void;
}

const replay = (state: MockState, lines: readonly JournalLine[]): void => {
	for (const line of lines) for (const record of line.changes) applyRecord(state, record);
};

function loadSnapshot(path: string): { state: MockState; generation: number } | undefined {
	const text = readTextFile(path);
	if (text === undefined) return undefined;
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new Error(`[voucherify] mock: ${path} is not valid JSON`);
	}
	try {
		return decodeState(value);
	} catch (error) {
		if (isDomainError(error)) throw new Error(`[voucherify] mock: ${path} is not a mock state file (${error.details})`, { cause: error });
		throw error;
	}
}

/** Journal lines not yet folded into a snapshot of this generation. */
const linesAfter = (journalPath: string, generation: number): JournalLine[] => readJournal(journalPath).filter((line) => line.generation >= generation);

/**
 * The state the files of `path` hold, as a mock started on them would load it (the journal replayed
 * on the snapshot, or on an empty state when there is no snapshot), without writing anything.
 */
export function readStoredState(path: string): MockState | undefined {
	const snapshot = loadSnapshot(path);
	const lines = linesAfter(`${path}.journal`, snapshot?.generation ?? 0);
	if (!snapshot && lines.length === 0) return undefined;
	const state = snapshot?.state ?? createEmptyState();
	replay(state, lines);
	return state;
}

/** Opens the store of `path`: reads the snapshot and the journal lines not yet in it. Writes nothing until `attach`. */
export function openStateStore(path: string): StateStore {
	const journalPath = `${path}.journal`;
	removeStaleTemporaries(path);
	removeStaleTemporaries(journalPath);
	const snapshot = loadSnapshot(path);
	let generation = snapshot?.generation ?? 0;
	const pending = linesAfter(journalPath, generation);
	const writer = createJournalWriter(journalPath);
	let snapshotBytes = 0;
	let maps: Record<string, JournaledMap<unknown>> = {};
	let lists: Record<string, JournaledList<unknown>> = {};
	let tracked: MockState | undefined;

	const compact = (state: MockState): void => {
		const text = encodeState(state, generation + 1);
		writeFileAtomically(path, text);
		// From here the snapshot holds every journal line so far: lines of older generations are skipped on load.
		generation += 1;
		snapshotBytes = text.length;
		writeFileAtomically(journalPath, '');
		writer.restarted();
	};
	const everyCollection = () => [...Object.values(maps), ...Object.values(lists)];

	return {
		path,
		loaded: snapshot?.state,
		attach(state) {
			replay(state, pending);
			maps = Object.fromEntries(STATE_MAPS.map((name) => [name, new JournaledMap<unknown>().load(state[name] as Map<string, unknown>)]));
			lists = Object.fromEntries(STATE_LISTS.map((name) => [name, journaledList<unknown>([...state[name]])]));
			tracked = { ...state, ...maps, ...Object.fromEntries(Object.entries(lists).map(([name, list]) => [name, list.items])) } as MockState;
			compact(tracked);
			return tracked;
		},
		commit() {
			if (!tracked) return;
			const changes: JournalRecord[] = [
				...Object.entries(maps).flatMap(([name, map]) => map.changes(name)),
				...Object.entries(lists).flatMap(([name, list]) => list.changes(name)),
			];
			if (changes.length > 0) {
				try {
					writer.append({ generation, changes });
				} catch (error) {
					for (const collection of everyCollection()) collection.undo();
					throw error;
				}
			}
			for (const collection of everyCollection()) collection.settle();
			if (writer.bytes > Math.max(snapshotBytes, COMPACT_AT_LEAST_BYTES)) {
				try {
					compact(tracked);
				} catch {
					// The change is safe in the journal; compaction is tried again after the next one.
				}
			}
		},
	};
}

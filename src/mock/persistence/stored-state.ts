import { DomainError } from '../domain/shared/errors.js';
import { createEmptyState, fromSnapshot, STATE_LISTS, STATE_MAPS, type MockState } from '../domain/shared/state.js';
import type { JournalRecord } from './journal-record.js';

const FORMAT = 'voucherify-mock-state';

/** The snapshot file, version 2: every Map of the state as `[key, value]` pairs (so insertion order survives), every list as is. */
export interface StoredState {
	readonly format: typeof FORMAT;
	readonly version: 2;
	/** Journal lines of this generation and later apply on top of this snapshot; earlier ones are already in it. */
	readonly generation: number;
	readonly maps: Readonly<Record<string, readonly (readonly [string, unknown])[]>>;
	readonly lists: Readonly<Record<string, readonly unknown[]>>;
}

type StateMaps = Record<(typeof STATE_MAPS)[number], Map<string, unknown>>;
type StateLists = Record<(typeof STATE_LISTS)[number], unknown[]>;

/** The snapshot text of a state. */
export function encodeState(state: MockState, generation: number): string {
	const stored: StoredState = {
		format: FORMAT,
		version: 2,
		generation,
		maps: Object.fromEntries(STATE_MAPS.map((name) => [name, [...(state as StateMaps)[name]]])),
		lists: Object.fromEntries(STATE_LISTS.map((name) => [name, [...(state as StateLists)[name]]])),
	};
	return JSON.stringify(stored);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPairs = (value: unknown): value is [string, unknown][] =>
	Array.isArray(value) && value.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string');

/**
 * The state a parsed snapshot holds, and its generation. Reads version 2 and the version 1 files of
 * earlier releases (the shape `snapshot()` returns). A collection the file does not name starts empty.
 */
export function decodeState(value: unknown): { state: MockState; generation: number } {
	if (isRecord(value) && value.format === FORMAT && value.version === 1) return { state: fromSnapshot(value), generation: 0 };
	const valid =
		isRecord(value) &&
		value.format === FORMAT &&
		value.version === 2 &&
		typeof value.generation === 'number' &&
		isRecord(value.maps) &&
		isRecord(value.lists) &&
		STATE_MAPS.every((name) => (value.maps as Record<string, unknown>)[name] === undefined || isPairs((value.maps as Record<string, unknown>)[name])) &&
		STATE_LISTS.every((name) => (value.lists as Record<string, unknown>)[name] === undefined || Array.isArray((value.lists as Record<string, unknown>)[name]));
	if (!valid) throw new DomainError('invalid_payload', 'Not a mock state snapshot', `Expected an object with format "${FORMAT}" and version 1 or 2`);
	const stored = value as unknown as StoredState;
	const state = createEmptyState();
	for (const name of STATE_MAPS) for (const [key, item] of stored.maps[name] ?? []) (state as StateMaps)[name].set(key, item);
	for (const name of STATE_LISTS) (state as StateLists)[name].push(...(stored.lists[name] ?? []));
	return { state, generation: stored.generation };
}

const isStateMap = (name: string): name is (typeof STATE_MAPS)[number] => (STATE_MAPS as readonly string[]).includes(name);
const isStateList = (name: string): name is (typeof STATE_LISTS)[number] => (STATE_LISTS as readonly string[]).includes(name);

/** Replays one journal record on a state. Records naming no collection of this version are skipped. */
export function applyRecord(state: MockState, record: JournalRecord): void {
	if ('map' in record) {
		if (!isStateMap(record.map)) return;
		const map = (state as StateMaps)[record.map];
		if ('cleared' in record) map.clear();
		else if ('deleted' in record) map.delete(record.key);
		else if ('append' in record) {
			const list = map.get(record.key);
			if (Array.isArray(list)) list.push(...record.append);
			else map.set(record.key, [...record.append]);
		} else map.set(record.key, record.value);
	} else if (isStateList(record.list)) {
		const list = (state as StateLists)[record.list];
		if ('cleared' in record) list.length = 0;
		else if ('append' in record) list.push(...record.append);
		else list[record.index] = record.value;
	}
}

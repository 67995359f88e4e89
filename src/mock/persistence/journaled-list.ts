import type { JournalRecord } from './journal-record.js';

/** A list of the state (publications) that knows what changed since it was last settled. */
export interface JournaledList<T> {
	/** The list the domain uses: an array behind a Proxy that notes every index it writes or deletes. */
	readonly items: T[];
	changes(list: string): JournalRecord[];
	settle(): void;
	undo(): void;
}

const indexOf = (property: string | symbol): number | undefined => {
	if (typeof property !== 'string') return undefined;
	const index = Number(property);
	return Number.isInteger(index) && index >= 0 && String(index) === property ? index : undefined;
};

/** Wraps `initial` (kept as the target). Writes at indices below the settled length are kept for undo. */
export function journaledList<T>(initial: T[]): JournaledList<T> {
	const target = initial;
	let settledLength = target.length;
	/** Index → what it held when settled, for every index below `settledLength` written since. */
	const overwritten = new Map<number, T>();
	const note = (property: string | symbol): void => {
		const index = indexOf(property);
		if (index !== undefined && index < settledLength && !overwritten.has(index)) overwritten.set(index, target[index] as T);
	};
	const items = new Proxy(target, {
		set(list, property, value, receiver) {
			note(property);
			return Reflect.set(list, property, value, receiver);
		},
		deleteProperty(list, property) {
			note(property);
			return Reflect.deleteProperty(list, property);
		},
	});
	return {
		items,
		changes(list) {
			if (target.length < settledLength) return [{ list, cleared: true }, { list, append: [...target] }];
			const records: JournalRecord[] = [];
			for (const index of overwritten.keys()) if (target[index] !== overwritten.get(index)) records.push({ list, index, value: target[index] });
			if (target.length > settledLength) records.push({ list, append: target.slice(settledLength) });
			return records;
		},
		settle() {
			overwritten.clear();
			settledLength = target.length;
		},
		undo() {
			target.length = settledLength;
			for (const [index, value] of overwritten) target[index] = value;
			overwritten.clear();
		},
	};
}

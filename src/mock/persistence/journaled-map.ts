import type { JournalRecord } from './journal-record.js';

/** What a key held when the current change first touched it. */
interface Touch {
	readonly present: boolean;
	readonly value: unknown;
	/** The list's length then, when the value is a list (lists only grow in place, by `push`). */
	readonly length: number;
	/** Deleted at some point of this change. */
	removed: boolean;
	/** When `set` added the key anew (after it was absent), in the order of this map. */
	insertedAt: number | undefined;
}

/**
 * A Map that knows which keys changed since the last {@link JournaledMap.settle}: every `set` and
 * `delete`, and every `get`, because the domain grows activity lists in place with `push` on a list
 * it got. Records are replaced, never edited (the domain's rule), so a touched key whose value is
 * the same object and the same length did not change. Iterating marks nothing.
 */
export class JournaledMap<V> extends Map<string, V> {
	private readonly touched = new Map<string, Touch>();
	/** The contents before a `clear()` of this change; afterwards the whole map is written. */
	private beforeClear: Map<string, V> | undefined;
	private insertions = 0;

	/** Fills the map without recording anything (loading). */
	load(entries: Iterable<readonly [string, V]>): this {
		for (const [key, value] of entries) super.set(key, value);
		return this;
	}

	private touch(key: string): Touch | undefined {
		if (this.beforeClear) return undefined;
		let touch = this.touched.get(key);
		if (!touch) {
			const value = super.get(key);
			touch = { present: super.has(key), value, length: Array.isArray(value) ? value.length : 0, removed: false, insertedAt: undefined };
			this.touched.set(key, touch);
		}
		return touch;
	}

	override get(key: string): V | undefined {
		this.touch(key);
		return super.get(key);
	}

	override set(key: string, value: V): this {
		const touch = this.touch(key);
		if (touch && !super.has(key)) touch.insertedAt = this.insertions++;
		return super.set(key, value);
	}

	override delete(key: string): boolean {
		const touch = this.touch(key);
		if (touch && super.has(key)) touch.removed = true;
		return super.delete(key);
	}

	override clear(): void {
		this.beforeClear ??= new Map(this);
		super.clear();
	}

	/** The journal records that turn the map as last settled into the map as it is now, in an order that also keeps insertion order. */
	changes(map: string): JournalRecord[] {
		if (this.beforeClear) return [{ map, cleared: true }, ...[...this].map(([key, value]) => ({ map, key, value }))];
		const records: JournalRecord[] = [];
		const inserted: [number, string][] = [];
		for (const [key, touch] of this.touched) {
			if (!super.has(key)) {
				if (touch.present) records.push({ map, key, deleted: true });
			} else if (touch.insertedAt !== undefined) {
				// Deleted and added again: it moved to the end of the map, so the journal deletes it first.
				if (touch.present) records.push({ map, key, deleted: true });
				inserted.push([touch.insertedAt, key]);
			} else {
				const value = super.get(key);
				if (value !== touch.value || (Array.isArray(value) && value.length < touch.length)) records.push({ map, key, value });
				else if (Array.isArray(value) && value.length > touch.length) records.push({ map, key, append: value.slice(touch.length) });
			}
		}
		for (const [, key] of inserted.sort(([left], [right]) => left - right)) records.push({ map, key, value: super.get(key) });
		return records;
	}

	/** Accepts the current contents: later changes are measured from here. */
	settle(): void {
		this.touched.clear();
		this.beforeClear = undefined;
		this.insertions = 0;
	}

	/** Goes back to the contents as last settled. */
	undo(): void {
		if (this.beforeClear) {
			super.clear();
			for (const [key, value] of this.beforeClear) super.set(key, value);
		}
		for (const [key, touch] of this.touched) {
			if (!touch.present) super.delete(key);
			else {
				if (Array.isArray(touch.value)) touch.value.length = touch.length;
				super.set(key, touch.value as V);
			}
		}
		this.settle();
	}
}

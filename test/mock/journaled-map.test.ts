import { describe, expect, test } from 'vitest';
import type { JournalRecord } from '../../src/mock/persistence/journal-record.js';
import { journaledList } from '../../src/mock/persistence/journaled-list.js';
import { JournaledMap } from '../../src/mock/persistence/journaled-map.js';

/** Replays records on a plain Map, as loading does. */
function replayed(start: Iterable<readonly [string, unknown]>, records: readonly JournalRecord[]): Map<string, unknown> {
	const map = new Map(start);
	for (const record of records) {
		if (!('map' in record)) continue;
		if ('cleared' in record) map.clear();
		else if ('deleted' in record) map.delete(record.key);
		else if ('append' in record) (map.get(record.key) as unknown[]).push(...record.append);
		else map.set(record.key, record.value);
	}
	return map;
}

/** A fresh starting content for each use: lists in it are grown in place. */
const start = (): [string, unknown][] => [['a', { n: 1 }], ['b', [1, 2]], ['c', 'x']];

describe('JournaledMap', () => {
	test('records nothing for reads, and only the changed keys for a change', () => {
		const map = new JournaledMap<unknown>().load(start());
		map.get('a');
		map.get('missing');
		expect([...map.values()]).toHaveLength(3);
		expect(map.changes('m')).toEqual([]);
		map.set('c', 'y');
		expect(map.changes('m')).toEqual([{ map: 'm', key: 'c', value: 'y' }]);
	});

	test('a list grown in place by push is journaled as the appended items only', () => {
		const map = new JournaledMap<unknown>().load(start());
		(map.get('b') as number[]).push(3, 4);
		expect(map.changes('m')).toEqual([{ map: 'm', key: 'b', append: [3, 4] }]);
	});

	test('replaying the records gives the same contents in the same order, deletions and re-insertions included', () => {
		const map = new JournaledMap<unknown>().load(start());
		map.get('z');
		map.set('y', 1);
		map.delete('a');
		map.set('z', 2);
		map.set('a', { n: 2 });
		(map.get('b') as number[]).push(3);
		const replay = replayed(start(), map.changes('m'));
		expect([...replay]).toEqual([...map]);
	});

	test('a clear is journaled as a clear followed by the whole new contents', () => {
		const map = new JournaledMap<unknown>().load(start());
		map.clear();
		map.set('q', 1);
		expect(map.changes('m')).toEqual([{ map: 'm', cleared: true }, { map: 'm', key: 'q', value: 1 }]);
	});

	test('undo restores the settled contents, list lengths included', () => {
		const map = new JournaledMap<unknown>().load(start());
		const list = map.get('b') as number[];
		map.settle();
		(map.get('b') as number[]).push(9);
		(map.get('b') as number[]).push(10);
		map.delete('a');
		map.set('new', 1);
		map.undo();
		expect(new Map(map)).toEqual(new Map(start()));
		expect(list).toEqual([1, 2]);
	});

	test('a cleared map is restored whole by undo', () => {
		const map = new JournaledMap<unknown>().load(start());
		map.clear();
		map.set('q', 1);
		map.undo();
		expect([...map]).toEqual(start());
		expect(map.changes('m')).toEqual([]);
	});
});

describe('journaledList', () => {
	test('journals appends and overwritten indices, and undoes both', () => {
		const list = journaledList(['a', 'b']);
		list.items.push('c');
		list.items[0] = 'A';
		expect(list.changes('l')).toEqual([{ list: 'l', index: 0, value: 'A' }, { list: 'l', append: ['c'] }]);
		list.undo();
		expect([...list.items]).toEqual(['a', 'b']);
	});

	test('a list that shrank is journaled whole', () => {
		const list = journaledList(['a', 'b']);
		list.items.splice(0, 2, 'z');
		expect(list.changes('l')).toEqual([{ list: 'l', cleared: true }, { list: 'l', append: ['z'] }]);
		list.undo();
		expect([...list.items]).toEqual(['a', 'b']);
	});
});

/**
Where an id lives. `open()` says, once, whether the store can keep a value at all, by a probe that no other tab's
write can fool; `write()` throws `StorageUnavailableError` only when the store cannot be reached.
*/
export type TrackingStore = {
	readonly kind: 'cookie' | 'localStorage' | 'memory';
	open(): boolean;
	read(): string | undefined;
	write(value: string): void;
	clear(): void;
};

/** Internal: the fallback store catches it and moves on; its message names the store, its `cause` says why. */
export class StorageUnavailableError extends Error {
	override name = 'StorageUnavailableError';
}

/** A name no other tab or earlier page uses, for a probe that writes, reads back and removes. */
export const probeName = (base: string): string => `${base}_probe_${Math.random().toString(36).slice(2)}`;

export function createMemoryStore(): TrackingStore {
	let value: string | undefined;
	return {
		kind: 'memory',
		open: () => true,
		read: () => value,
		write(next) {
			value = next;
		},
		clear() {
			value = undefined;
		},
	};
}

/** localStorage under the cookie's name; touching `window.localStorage` throws in sandboxed frames and some private modes. */
export function createLocalStorageStore(key: string): TrackingStore {
	const storage = (): Storage => {
		try {
			return window.localStorage;
		} catch (error) {
			throw new StorageUnavailableError('localStorage', { cause: error });
		}
	};
	return {
		kind: 'localStorage',
		open() {
			try {
				const probe = probeName(key);
				storage().setItem(probe, '1');
				storage().removeItem(probe);
				return true;
			} catch {
				return false;
			}
		},
		read: () => storage().getItem(key) ?? undefined,
		write(value) {
			try {
				storage().setItem(key, value);
			} catch (error) {
				throw new StorageUnavailableError('localStorage', { cause: error });
			}
		},
		clear() {
			storage().removeItem(key);
		},
	};
}

/**
Where the tracking id lives. Implementations throw `StorageUnavailableError` when they cannot keep a value,
which moves the SDK on to the next store.
*/
export type TrackingStore = {
	readonly kind: 'cookie' | 'localStorage' | 'memory';
	read(): string | undefined;
	write(value: string): void;
	clear(): void;
};

export class StorageUnavailableError extends Error {
	override name = 'StorageUnavailableError';
}

export function createMemoryStore(): TrackingStore {
	let value: string | undefined;
	return {
		kind: 'memory',
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
			throw new StorageUnavailableError('localStorage is not accessible', { cause: error });
		}
	};
	return {
		kind: 'localStorage',
		read: () => storage().getItem(key) ?? undefined,
		write(value) {
			try {
				storage().setItem(key, value);
			} catch (error) {
				throw new StorageUnavailableError('localStorage refused the write', { cause: error });
			}
		},
		clear() {
			storage().removeItem(key);
		},
	};
}

import { isTrackingId } from '../shared/tracking-id.js';
import { StorageUnavailableError, type TrackingStore } from './tracking-store.js';

/**
Chains stores from most to least durable (cookie → localStorage → memory). Reads take the first valid value;
a write that a store refuses moves on to the next store for good; `kind` tells which store is in use.
*/
export function createFallbackStore(stores: readonly [TrackingStore, ...TrackingStore[]]): TrackingStore {
	let active = 0;

	const fallBack = (): boolean => {
		if (active + 1 >= stores.length) return false;
		active += 1;
		return true;
	};

	const attempt = <T>(operation: (store: TrackingStore) => T): T => {
		for (;;) {
			try {
				return operation(stores[active] as TrackingStore);
			} catch (error) {
				if (!(error instanceof StorageUnavailableError) || !fallBack()) throw error;
			}
		}
	};

	const read = (): string | undefined => {
		for (const store of stores.slice(active)) {
			try {
				const value = store.read();
				if (isTrackingId(value)) return value;
			} catch {
				// Unreadable store: the next one may still hold the id.
			}
		}
		return undefined;
	};

	return {
		get kind() {
			return (stores[active] as TrackingStore).kind;
		},
		read,
		write(value) {
			if (read() === value) return;
			attempt((store) => store.write(value));
		},
		clear() {
			for (const store of stores) {
				try {
					store.clear();
				} catch {
					// A store that cannot be reached holds nothing to clear.
				}
			}
		},
	};
}

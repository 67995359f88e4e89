import { isTrackingId } from '../shared/tracking-id.js';
import { StorageUnavailableError, type TrackingStore } from './tracking-store.js';

/**
Chains stores from most to least durable (cookie → localStorage → memory). On first use it opens the first store
that can keep a value and uses that one alone: a value another tab wrote is never mistaken for a refused write, and
copies left in the less durable stores by an earlier page are removed, so none can come back later.
*/
export function createFallbackStore(stores: readonly [TrackingStore, ...TrackingStore[]]): TrackingStore {
	let active: number | undefined;

	const clearFrom = (index: number) => {
		for (const store of stores.slice(index)) {
			try {
				store.clear();
			} catch {
				// A store that cannot be reached holds nothing to clear.
			}
		}
	};

	const open = (): TrackingStore => {
		if (active === undefined) {
			const usable = stores.findIndex((store) => store.open());
			active = usable === -1 ? stores.length - 1 : usable;
			clearFrom(active + 1);
		}
		return stores[active] as TrackingStore;
	};

	const read = (): string | undefined => {
		try {
			const value = open().read();
			return isTrackingId(value) ? value : undefined;
		} catch {
			return undefined;
		}
	};

	return {
		get kind() {
			return open().kind;
		},
		/** Whether the most durable store is the one in use; `false` means the SDK fell back. */
		open: () => (open(), active === 0),
		read,
		write(value) {
			if (read() === value) return;
			for (;;) {
				try {
					return open().write(value);
				} catch (error) {
					// The store became unreachable after it opened (its frame was sandboxed since): the next one takes over.
					if (!(error instanceof StorageUnavailableError) || active === stores.length - 1) throw error;
					active = (active as number) + 1;
				}
			}
		},
		clear: () => clearFrom(0),
	};
}

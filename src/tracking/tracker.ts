import { isTrackingId } from '../shared/tracking-id.js';
import type { ConsentState } from '../client/options.js';
import type { TrackingStore } from './tracking-store.js';
import { createMemoryStore } from './tracking-store.js';

/** What a call needs from the tracker: the id to send, and a way to report the id the API answered with. */
export type TrackedCall = {
	readonly trackingId: string | undefined;
	finish(answeredTrackingId?: unknown): void;
};

export type Tracker = {
	readonly trackingId: string | undefined;
	readonly consent: ConsentState;
	readonly storeKind: TrackingStore['kind'];
	begin(): Promise<TrackedCall>;
	adopt(trackingId: string): void;
	setConsent(consent: ConsentState): void;
	reset(): void;
};

/**
Owns the visitor's tracking id under the consent rules: `granted` persists it in `persistent` (the cookie chain),
`pending` holds it in memory, `denied` keeps no anonymous id at all (only an explicit identity, in memory). While a call without an id is in flight,
later calls wait for its answer, so concurrent first calls on one page converge on one id.
*/
export function createTracker(persistent: TrackingStore, initialConsent: ConsentState): Tracker {
	const memory = createMemoryStore();
	let consent = initialConsent;
	let firstCall: Promise<void> | undefined;
	// Bumped whenever the id is forgotten, so an answer to a call begun before does not bring it back.
	let generation = 0;
	let warnedAboutFallback = false;
	// Outside a browser the persistent store is memory from the start: nothing fell back, nothing to warn about.
	const intendedKind = persistent.kind;

	const activeStore = (): TrackingStore => (consent === 'granted' ? persistent : memory);

	const read = (): string | undefined => {
		const value = activeStore().read();
		return isTrackingId(value) ? value : undefined;
	};

	const write = (value: string) => {
		const store = activeStore();
		store.write(value);
		if (store === persistent && store.kind !== intendedKind && !warnedAboutFallback) {
			warnedAboutFallback = true;
			console.warn(`[voucherify] The tracking cookie could not be written; the tracking id is kept in ${store.kind} instead`);
		}
	};

	const forget = () => {
		generation += 1;
		persistent.clear();
		memory.clear();
	};

	// Denied from the start: a copy left by an earlier visit must go too.
	if (consent === 'denied') forget();

	const tracker: Tracker = {
		get trackingId() {
			return read();
		},
		get consent() {
			return consent;
		},
		get storeKind() {
			return activeStore().kind;
		},

		async begin() {
			while (firstCall) await firstCall;
			const trackingId = read();
			if (trackingId !== undefined || consent === 'denied') return { trackingId, finish() {} };

			let release!: () => void;
			firstCall = new Promise((resolve) => (release = resolve));
			const begunIn = generation;
			return {
				trackingId: undefined,
				finish(answered) {
					// Another tab, or setIdentity(), may have set an id meanwhile: the stored one wins.
					if (isTrackingId(answered) && read() === undefined && begunIn === generation) write(answered);
					firstCall = undefined;
					release();
				},
			};
		},

		/** An explicit id (an identity hash). Under `denied` it lives in memory for this page only. */
		adopt(trackingId) {
			write(trackingId);
		},

		setConsent(next) {
			if (next === 'denied') {
				// Even when already denied: a copy may have been written since (another tab, the backend).
				consent = next;
				forget();
				return;
			}
			const current = read();
			if (next === consent) return;
			consent = next;
			if (next === 'pending') persistent.clear();
			if (current !== undefined) write(current);
			if (next === 'granted') memory.clear();
		},

		reset: forget,
	};
	return tracker;
}

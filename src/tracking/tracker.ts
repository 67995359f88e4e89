import { isAnonymousId, isIdentityHash, isTrackingId } from '../shared/tracking-id.js';
import type { ConsentState } from './consent.js';
import { createMemoryStore, type TrackingStore } from './tracking-store.js';
import type { VisitorLock } from './visitor-lock.js';

/** What a call needs from the tracker: the id to send, and a way to report the id the API answered with. */
export type TrackedCall = {
	readonly trackingId: string | undefined;
	finish(answeredTrackingId?: unknown): void;
};

export type Tracker = {
	readonly trackingId: string | undefined;
	/** The `track_` id the visitor had before `setIdentity()`: checkout redeems with it, so that history is kept. */
	readonly anonymousId: string | undefined;
	readonly consent: ConsentState;
	/** When no id is stored, first waits for any id-issuing call of the origin (at most `waitMs`). */
	begin(signal?: AbortSignal): Promise<TrackedCall>;
	/** Takes an identity hash as the tracking id, keeping the anonymous id it replaces. */
	identify(hash: string): void;
	/** Takes `trackingId` as the visitor's id when none is stored. */
	adopt(trackingId: string): void;
	setConsent(consent: ConsentState): void;
	reset(): void;
};

export type TrackerSettings = {
	/** Durable homes (the cookie chains) of the tracking id and of the anonymous id. */
	stores: { tracking: TrackingStore; anonymous: TrackingStore };
	consent: ConsentState;
	lock: VisitorLock;
	/** The longest a call waits for another tab's first call: the call's timeout. */
	waitMs: number;
};

/** One value under the consent rules: `granted` keeps it in its durable store, `pending` in memory, `denied` nowhere but memory. */
function createSlot(persistent: TrackingStore, accepts: (value: unknown) => value is string) {
	const memory = createMemoryStore();
	const store = (consent: ConsentState) => (consent === 'granted' ? persistent : memory);
	const slot = {
		read(consent: ConsentState): string | undefined {
			const value = store(consent).read();
			return accepts(value) ? value : undefined;
		},
		write(consent: ConsentState, value: string | undefined) {
			if (value === undefined) slot.clear();
			else store(consent).write(value);
		},
		/** Carries the value from one non-denied consent to another: granting promotes it to the cookie, pending takes it out. */
		move(from: ConsentState, to: ConsentState) {
			const value = slot.read(from);
			(to === 'granted' ? memory : persistent).clear();
			if (value !== undefined) store(to).write(value);
		},
		clear() {
			persistent.clear();
			memory.clear();
		},
	};
	return slot;
}

/**
Owns the visitor's ids under the consent rules. The store is re-read before every call, so an id another tab or
client wrote wins. A call that finds no id takes the origin's visitor lock first, so concurrent first calls in every
tab and client converge on the one id the first of them gets.
*/
export function createTracker({ stores, consent: initialConsent, lock, waitMs }: TrackerSettings): Tracker {
	const tracking = createSlot(stores.tracking, isTrackingId);
	const anonymous = createSlot(stores.anonymous, isAnonymousId);
	let consent = initialConsent;
	// Bumped whenever the ids are forgotten, so an answer to a call begun before does not bring one back.
	let generation = 0;
	let warnedAboutFallback = false;

	const read = () => tracking.read(consent);

	const write = (value: string) => {
		tracking.write(consent, value);
		// Outside a browser the durable store is memory from the start and opens as it is: nothing fell back.
		if (consent === 'granted' && !stores.tracking.open() && !warnedAboutFallback) {
			warnedAboutFallback = true;
			console.warn(`[voucherify] Cookies are unavailable: the tracking id is kept in ${stores.tracking.kind}`);
		}
	};

	const keepAnonymous = (value: string | undefined) => anonymous.write(consent, value);

	const forget = () => {
		generation += 1;
		tracking.clear();
		anonymous.clear();
	};

	// Denied from the start: a copy left by an earlier visit must go too.
	if (consent === 'denied') forget();

	return {
		get trackingId() {
			return read();
		},
		get anonymousId() {
			return isIdentityHash(read()) ? anonymous.read(consent) : undefined;
		},
		get consent() {
			return consent;
		},

		async begin(signal) {
			const stored = read();
			if (stored !== undefined || consent === 'denied') return { trackingId: stored, finish() {} };

			const [release, ...handedOff] = await lock.acquire(signal, waitMs);
			// The first call of another tab or client may have finished while this one waited; its cookie may reach this
			// page only after the lock did (Firefox), so the id it handed on through the lock counts as stored.
			const trackingId = [read(), ...handedOff].find(isTrackingId);
			if (trackingId !== undefined) {
				release();
				return { trackingId, finish() {} };
			}
			const begunIn = generation;
			return {
				trackingId: undefined,
				finish(answered) {
					try {
						if (begunIn === generation && isAnonymousId(answered)) {
							const current = read();
							if (current === undefined) write(answered);
							// setIdentity() ran while this first call was in flight: its history is the visitor's anonymous history.
							else if (isIdentityHash(current) && anonymous.read(consent) === undefined) keepAnonymous(answered);
						}
					} finally {
						release(read());
					}
				},
			};
		},

		identify(hash) {
			const current = read();
			// A `track_` id becomes the anonymous id; another identity's hash means another person (a shared computer).
			if (isAnonymousId(current)) keepAnonymous(current);
			else if (current !== hash && anonymous.read(consent) !== undefined) keepAnonymous(undefined);
			write(hash);
		},

		adopt(trackingId) {
			if (read() === undefined) write(trackingId);
		},

		setConsent(next) {
			if (next === 'denied') {
				// Even when already denied: a copy may have been written since (another tab, the backend).
				consent = next;
				forget();
				return;
			}
			if (next === consent) return;
			tracking.move(consent, next);
			anonymous.move(consent, next);
			consent = next;
		},

		reset: forget,
	};
}

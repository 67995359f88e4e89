import type { Tracker } from '../tracking/tracker.js';

/**
The outbox: the delivery calls (`track`, `publish`) a page made, written synchronously as they are made, in
sessionStorage, so that a call the page could not start before it went (the script tag's companion file still
loading, the first call waiting for the visitor lock) is sent by the next page of the same tab. sessionStorage is one
tab's: no other tab ever sends a call that its own page is still about to send. Only what the core needs lives here;
delivering and draining are in calls/delivery.ts.
*/
export const OUTBOX = 'voucherify_outbox';

export type OutboxEntry = {
	/** Tells one entry from another. */
	id: number;
	/** The project and API the call was made for: `clientApplicationId apiUrl`. */
	k: string;
	/** The call: `track` or `publish`. */
	n: string;
	/** Its arguments; the per-call options (the third) are not sent again from another page (a signal does not survive it). */
	a: unknown[];
	/** The tracking id in force when the call was made (the identity hash after `setIdentity()`). */
	t?: string | undefined;
	/** The page that owns the entry (`performance.timeOrigin`): a page never sends another live page's calls. */
	p: number;
	/** Set in memory once written: then only the page that takes it out of storage sends it. */
	s?: boolean;
};

export const readOutbox = (): OutboxEntry[] => JSON.parse(sessionStorage[OUTBOX] || '[]') as OutboxEntry[];

/** Stores `entries`; none removes the key, so a page with nothing to send does not load the companion file to drain it. */
export const writeOutbox = (entries: OutboxEntry[]): void => {
	if (entries.length) sessionStorage[OUTBOX] = JSON.stringify(entries);
	else sessionStorage.removeItem(OUTBOX);
};

/**
Notes the call in the outbox before anything asynchronous can stand in front of it, with the tracking id in force now.
Storage that is full, blocked or withheld by consent (only `granted` lets the call outlive the page) leaves the call
in memory: it is still sent by this page, and never throws.
*/
export function record(k: string, n: string, args: unknown[], tracker: Tracker): OutboxEntry {
	const entry: OutboxEntry = { id: Math.random(), k, n, a: args, t: tracker.trackingId, p: performance.timeOrigin };
	try {
		if (tracker.consent === 'granted') {
			sessionStorage[OUTBOX] = JSON.stringify([...readOutbox(), entry]);
			entry.s = true;
		}
	} catch {
		// Full (QuotaExceededError), blocked (SecurityError) or unreadable storage: this page still sends the call.
	}
	return entry;
}

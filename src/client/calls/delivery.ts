import { VoucherifyError } from '../../errors/voucherify-error.js';
import { isTrackingId } from '../../shared/tracking-id.js';
import type { Tracker } from '../../tracking/tracker.js';
import type { ClientContext } from '../context.js';
import { readOutbox, writeOutbox, type OutboxEntry } from '../outbox.js';
import { publish, track } from './visitor-calls.js';

/**
Delivery calls: the ones where reaching the API matters more than reading its answer, so they are noted in the
outbox (outbox.ts) and may be sent by the next page. `redeem` is not one: a redemption the shopper never saw
happen must not happen later; it only gets `keepalive`, like these.
*/
const DELIVERY_CALLS: Record<string, (context: ClientContext, ...args: never[]) => Promise<unknown>> = { track, publish };

/** Takes the entry out of the outbox; false when it was written there and is gone (another page of the tab sent it). */
function take(entry: OutboxEntry): boolean {
	try {
		const entries = readOutbox();
		const rest = entries.filter((other) => other.id !== entry.id);
		if (rest.length < entries.length) writeOutbox(rest);
		return !entry.s || rest.length < entries.length;
	} catch {
		return true;
	}
}

/** The call's context: the tracking id in force when it was made, and the entry taken out as its request starts. */
function deliveryContext(context: ClientContext, entry: OutboxEntry): ClientContext {
	const { t } = entry;
	return {
		get tracker() {
			const tracker = context.tracker;
			// A call made before any id existed waits for the visitor's first id, as a call made now would.
			if (t === undefined) return tracker;
			return Object.assign(Object.create(tracker) as Tracker, { begin: async () => ({ trackingId: t, finish() {} }) });
		},
		transport: {
			send(request) {
				if (!take(entry)) return Promise.reject(new VoucherifyError(`Another page of this tab already sent this ${entry.n}() call`));
				// `fetch` has started by the time `send` returns: nothing asynchronous stands between the entry and the request.
				return context.transport.send(request);
			},
		},
	};
}

/** Sends one outbox entry (`args` are the call's own on the page that made it, the stored ones on the next page). */
export async function deliver(context: ClientContext, entry: OutboxEntry, args: unknown[]): Promise<unknown> {
	try {
		return await DELIVERY_CALLS[entry.n]!(deliveryContext(context, entry), ...(args as never[]));
	} finally {
		// A call refused before its request (bad input, an abort) leaves nothing for the next page either.
		take(entry);
	}
}

const isEntry = (entry: OutboxEntry): boolean =>
	Object.hasOwn(DELIVERY_CALLS, entry?.n) && Array.isArray(entry.a) && (entry.t === undefined || isTrackingId(entry.t));

/**
Sends what earlier pages of this tab left in the outbox for this project (`key`), in the order they were made. Each
entry is first claimed for this page, so a second client of the page leaves it alone, and taken out as its request
starts, so a page that goes before that leaves it to the next one. Entries that are not ours to read are dropped.
*/
export function drain(context: ClientContext, key: string): Promise<unknown> {
	const page = performance.timeOrigin;
	let claimed: OutboxEntry[] = [];
	try {
		const entries = readOutbox().filter(isEntry);
		claimed = entries.filter((entry) => entry.k === key && entry.p !== page);
		for (const entry of claimed) Object.assign(entry, { p: page, s: true });
		writeOutbox(entries);
	} catch {
		// Unreadable or blocked storage holds nothing to send.
	}
	return Promise.all(
		claimed.map((entry) =>
			deliver(context, entry, entry.a.slice(0, 2)).catch((error: unknown) => console.warn(`[voucherify] A ${entry.n}() call left by an earlier page failed:`, error)),
		),
	);
}

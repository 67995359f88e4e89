import type { Tracker } from '../tracking/tracker.js';
import { checkObject, checkSignal } from './input.js';
import type { RequestOptions } from './types/params.js';
import type { Transport } from './api-request.js';

/** What every call needs: the HTTP seam and the visitor's tracking id. */
export type ClientContext = {
	readonly transport: Transport;
	readonly tracker: Tracker;
};

type Answer = { tracking_id?: unknown } | undefined;

/**
Runs one call with the current tracking id and lets the tracker keep the id the API answers with.
A failed call reports no id, so it can never replace or erase the stored one.
*/
export async function withTrackingId<T extends Answer>(
	{ tracker }: ClientContext,
	signal: AbortSignal | undefined,
	call: (trackingId: string | undefined) => Promise<T>,
): Promise<T> {
	const tracked = await tracker.begin(signal);
	try {
		const answer = await call(tracked.trackingId);
		tracked.finish(answer?.tracking_id);
		return answer;
	} catch (error) {
		tracked.finish();
		throw error;
	}
}

/** The per-call options: `undefined` or an object (a voucherify.js-style callback in their place is refused, not ignored). */
export const signalOf = (options: RequestOptions | undefined): AbortSignal | undefined =>
	checkSignal(checkObject(options, 'options').signal);

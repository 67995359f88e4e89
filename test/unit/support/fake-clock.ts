import { vi } from 'vitest';

/** Far enough to pass every backoff, the Retry-After cap and every delayed answer. */
export const FAKE_TIME_ENOUGH_MS = 30_000;

/** Runs the call on a fake clock advanced past every wait, and reports how it settled. */
export async function settleOnFakeClock(run: () => Promise<unknown>): Promise<PromiseSettledResult<unknown>> {
	vi.useFakeTimers();
	const settled = Promise.allSettled([run()]);
	await vi.advanceTimersByTimeAsync(FAKE_TIME_ENOUGH_MS);
	const [outcome] = await settled;
	return outcome as PromiseSettledResult<unknown>;
}

/** The reason a settled call rejected with; fails the test when it resolved. */
export const reasonOf = (outcome: PromiseSettledResult<unknown>): unknown => {
	if (outcome.status === 'fulfilled') throw new Error('expected the call to reject, but it resolved');
	return outcome.reason;
};

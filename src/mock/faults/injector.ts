import { FAULT_KINDS, type FaultKind, type ResolvedFaults } from './options.js';
import { createRandom, type Random } from './random.js';

/** What happens to one client call: how long it waits, then which fault (if any) answers it. */
export interface FaultPlan {
	readonly delayMs: number;
	readonly fault: FaultKind | undefined;
}

/** Draws one plan per client call, in arrival order, from the seed. */
export interface FaultInjector {
	readonly settings: ResolvedFaults;
	/** The plan of the next call. Synchronous, so concurrent calls draw in the order they arrive. */
	draw(): FaultPlan;
	/** Starts the sequence over from the seed. */
	restart(): void;
}

/** Jitter comes from its own stream, so turning it on does not change which calls fail. */
const JITTER_STREAM = 0x9e3779b9;

/** Lays the shares out on [0, 1) in the order of {@link FAULT_KINDS} and picks where a draw lands. */
function pick(settings: ResolvedFaults, draw: number): FaultKind | undefined {
	let upTo = 0;
	for (const kind of FAULT_KINDS) {
		upTo += settings.shares[kind];
		if (draw < upTo) return kind;
	}
	return undefined;
}

/** Creates the injector of one mock instance. */
export function createFaultInjector(settings: ResolvedFaults): FaultInjector {
	let faults: Random;
	let jitter: Random;
	const restart = () => {
		faults = createRandom(settings.seed);
		jitter = createRandom(settings.seed ^ JITTER_STREAM);
	};
	restart();
	return {
		settings,
		draw() {
			const fault = pick(settings, faults());
			const delayMs = settings.latencyMs + (settings.jitterMs > 0 ? Math.floor(jitter() * (settings.jitterMs + 1)) : 0);
			return { delayMs, fault };
		},
		restart,
	};
}

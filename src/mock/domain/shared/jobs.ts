import type { DomainContext } from './context.js';

/**
Where a background job (an async action, an export) stands. The live API answers a new job as scheduled or in progress
and finishes it later; the mock finishes the work at once but reports it pending until `jobDelayMs` of the core's
clock has passed since `created_at` (0 by default: done from the first read on).
*/
export type JobPhase = 'pending' | 'done';

export const jobPhase = (context: DomainContext, createdAt: string): JobPhase =>
	context.now().getTime() - Date.parse(createdAt) >= context.jobDelayMs ? 'done' : 'pending';

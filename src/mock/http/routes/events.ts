import type { HttpHandler } from 'msw';
import { readCustomEvent } from '../../input/requests.js';
import { ok, type HttpEnvironment, type Router } from '../router.js';

/** Custom events from the client API: recorded on the visitor, or on the customer they name (created when unknown). */
export function eventRoutes({ core }: HttpEnvironment, { client }: Router): HttpHandler[] {
	return [client('post', '/events', async ({ json }) => ok(core.trackEvent(readCustomEvent(await json()))))];
}

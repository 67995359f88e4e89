import type { HttpHandler } from 'msw';
import { readSegmentBody } from '../../input/customer-admin.js';
import { noContent, ok, type HttpEnvironment, type Router } from '../router.js';

/** Customer segments (CONTRACT §7): static lists and auto-update filters. */
export function segmentRoutes({ core }: HttpEnvironment, { server }: Router): HttpHandler[] {
	return [
		server('post', '/segments', async ({ json }) => ok(core.createSegment(readSegmentBody(await json())))),
		server('get', '/segments', () => {
			const data = core.listSegments();
			return ok({ object: 'list', total: data.length, data_ref: 'data', data });
		}),
		server('get', '/segments/:id', ({ path }) => ok(core.getSegment(path.id ?? ''))),
		server('delete', '/segments/:id', ({ path }) => {
			core.deleteSegment(path.id ?? '');
			return noContent();
		}),
	];
}

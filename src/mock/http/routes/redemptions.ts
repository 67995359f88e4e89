import type { HttpHandler } from 'msw';
import { queryReader } from '../../input/reader.js';
import { readRedemptionTrackingId, readStackRedemption, readVoucherRedemption } from '../../input/requests.js';
import { ok, type HttpEnvironment, type Router } from '../router.js';
import { requiredQuery, visitorOf } from './visitor.js';

/** Redemptions: the client API's (opt-in per project) and the server API's, where the anonymous visitor merges (CONTRACT §5). */
export function redemptionRoutes({ core }: HttpEnvironment, { client, server }: Router): HttpHandler[] {
	return [
		client('post', '/redeem', async ({ query, json }) => {
			const code = requiredQuery(query, 'code');
			const request = readVoucherRedemption(await json(), undefined, 'CLIENT_API');
			return ok(core.redeemVoucher(code, { ...request, trackingId: visitorOf(core, request.customer) }));
		}),
		client('post', '/redemptions', async ({ json }) => {
			const request = readStackRedemption(await json(), 'CLIENT_API');
			const trackingId = request.trackingId ?? visitorOf(core, request.customer);
			return ok({ ...core.redeemStack({ ...request, trackingId }), tracking_id: trackingId ?? null });
		}),
		server('post', '/vouchers/:code/redemption', async ({ path, query, json }) => {
			const body = await json();
			const trackingId = readRedemptionTrackingId(queryReader.string(query.tracking_id, 'tracking_id'), body);
			return ok(core.redeemVoucher(path.code ?? '', readVoucherRedemption(body, trackingId, 'API')));
		}),
		server('post', '/redemptions', async ({ json }) => ok(core.redeemStack(readStackRedemption(await json(), 'API')))),
	];
}

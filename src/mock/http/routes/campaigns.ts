import type { HttpHandler } from 'msw';
import { readBalanceBody, readCampaignBody, readServerPublication } from '../../input/campaign.js';
import { queryReader } from '../../input/reader.js';
import { noContent, ok, type HttpEnvironment, type Router } from '../router.js';

/** Campaigns, server-side publications, the customer's wallet and gift card balances (CONTRACT §8). */
export function campaignRoutes({ core }: HttpEnvironment, { server }: Router): HttpHandler[] {
	return [
		server('post', '/campaigns', async ({ json }) => ok(core.createCampaign(readCampaignBody(await json())))),
		server('get', '/campaigns', () => {
			const campaigns = core.listCampaigns();
			return ok({ object: 'list', data_ref: 'campaigns', campaigns, total: campaigns.length });
		}),
		server('get', '/campaigns/:id', ({ path }) => ok(core.getCampaign(path.id ?? ''))),
		server('delete', '/campaigns/:id', ({ path }) => {
			core.deleteCampaign(path.id ?? '');
			return noContent();
		}),
		server('post', '/publications', async ({ json }) => ok(core.publishToCustomer(readServerPublication(await json())))),
		server('get', '/customers/:customer/redeemables', ({ path, query }) => ok(core.customerRedeemables(path.customer ?? '', queryReader.integer(query.limit, 'limit')))),
		server('post', '/vouchers/:code/balance', async ({ path, json }) => ok(core.addGiftBalance(path.code ?? '', readBalanceBody(await json())))),
		server('get', '/vouchers/:code/transactions', ({ path, query }) => {
			const order = queryReader.oneOf(query.order, 'order', ['id', '-id'] as const);
			const startingAfter = queryReader.string(query.starting_after_id, 'starting_after_id');
			const limit = queryReader.integer(query.limit, 'limit');
			return ok(core.listTransactions(path.code ?? '', { ...(order ? { order } : {}), ...(startingAfter ? { starting_after_id: startingAfter } : {}), ...(limit ? { limit } : {}) }));
		}),
	];
}

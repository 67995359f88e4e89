import { createCampaign, deleteCampaign, presentCampaignResource, type CampaignInput } from './campaigns/campaign-store.js';
import { allCampaigns, requireCampaign } from './campaigns/campaign-lookup.js';
import { customerRedeemables, publishToCustomer, type ServerPublicationRequest } from './campaigns/wallet.js';
import type { DomainContext } from './shared/context.js';
import { addGiftBalance, listTransactions, type BalanceInput, type TransactionQuery } from './vouchers/transactions.js';

type Wrap = <A extends unknown[], R>(operation: (context: DomainContext, ...args: A) => R) => (...args: A) => R;

/** The operations of CONTRACT §8 around campaigns, the customer's wallet and gift card balances. */
export function campaignOperations(changing: Wrap, reading: Wrap) {
	return {
		createCampaign: changing((context, input: CampaignInput) => presentCampaignResource(context, createCampaign(context, input))),
		getCampaign: reading((context, idOrName: string) => presentCampaignResource(context, requireCampaign(context, idOrName))),
		listCampaigns: reading((context) => allCampaigns(context).map((campaign) => presentCampaignResource(context, campaign))),
		deleteCampaign: changing((context, idOrName: string) => deleteCampaign(context, idOrName)),
		publishToCustomer: changing((context, request: ServerPublicationRequest) => publishToCustomer(context, request)),
		customerRedeemables: reading((context, idOrSourceId: string, limit?: number) => customerRedeemables(context, idOrSourceId, limit)),
		addGiftBalance: changing((context, code: string, input: BalanceInput) => addGiftBalance(context, code, input)),
		listTransactions: reading((context, code: string, query: TransactionQuery) => listTransactions(context, code, query)),
	};
}

import type { CampaignDefinition, CodeConfig } from '../vouchers/campaigns.js';
import type { DomainContext } from '../shared/context.js';

/** The code config of a campaign: its own, or the fixture template's prefix and length. */
export const codeConfigOf = (campaign: CampaignDefinition): CodeConfig =>
	campaign.voucher?.code_config ?? { prefix: campaign.voucher?.code_prefix ?? '', length: campaign.voucher?.code_length ?? 8 };

/** One code as the config describes it; `#` in a pattern is one random symbol of the charset, anything else is kept. */
function codeOnce(ctx: DomainContext, config: CodeConfig): string {
	const symbol = () => ctx.ids.voucherCode('', 1, config.charset);
	const body = config.pattern === undefined ? ctx.ids.voucherCode('', config.length ?? 8, config.charset) : [...config.pattern].map((char) => (char === '#' ? symbol() : char)).join('');
	return `${config.prefix ?? ''}${body}${config.suffix ?? ''}`;
}

/** A code no voucher has yet, following the config. */
export function freshCampaignCode(ctx: DomainContext, config: CodeConfig): string {
	for (;;) {
		const code = codeOnce(ctx, config);
		if (!ctx.state.vouchers.has(code)) return code;
	}
}

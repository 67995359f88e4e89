// The demo's members-only code: VIP (30% off) is for repeat buyers, the auto-update segment of customers
// with at least one order. The shop's backend sets it up once through the server API, as a real shop would
// in its dashboard: a voucher, a segment, a validation rule naming the segment, and the rule's assignment.

/** The code, and the message a visitor outside the segment is shown. */
export const VIP_CODE = 'VIP';
export const VIP_RULE_MESSAGE = 'VIP is for repeat buyers: place one order first';

/**
Creates the VIP voucher, the "Repeat buyers" segment and the rule that ties them, unless the code exists already.
@param {(method: string, path: string, body?: unknown) => Promise<{ status: number, body: any }>} serverApi
*/
export async function setUpVipCode(serverApi) {
	const existing = await serverApi('GET', `/v1/vouchers/${VIP_CODE}`);
	if (existing.status === 200) return;
	const created = await serverApi('POST', `/v1/vouchers/${VIP_CODE}`, { type: 'DISCOUNT_VOUCHER', discount: { type: 'PERCENT', percent_off: 30 }, metadata: { audience: 'repeat buyers' } });
	// Two demo servers on one mock may race here; whoever created the voucher sets up the rule.
	if (created.status !== 200) return;
	const segment = await serverApi('POST', '/v1/segments', {
		name: 'Repeat buyers',
		type: 'auto-update',
		filter: { junction: 'and', 'summary.orders.total_count': { conditions: { $more_than: [0] } } },
	});
	const rule = await serverApi('POST', '/v1/validation-rules', {
		name: 'Repeat buyers only',
		error: { message: VIP_RULE_MESSAGE },
		rules: { 1: { name: 'customer.segment', conditions: { $is: [segment.body.id] } }, logic: '1' },
	});
	await serverApi('POST', `/v1/validation-rules/${rule.body.id}/assignments`, { voucher: VIP_CODE });
}

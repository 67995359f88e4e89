import { describe, expect, test } from 'vitest';
import { serverCall, TRANSPORTS, validate, type ActivityBody, type CustomerBody } from './support.js';

/** `customer[id]` in the validate query (voucherify.js documents `customer` as "`id` and/or `source_id`"). */
describe.each(TRANSPORTS)('validate with customer[id] over $transport', ({ use }) => {
	const target = use();

	const createCustomer = async (sourceId: string) => (await serverCall<CustomerBody>(target, 'POST', '/customers', { body: { source_id: sourceId, name: 'Gustav' } })).body;
	const activityOf = async (id: string) => (await serverCall<{ data: ActivityBody[] }>(target, 'GET', `/customers/${id}/activity`)).body.data;

	test('records the validation on the customer named by id, ahead of the tracking id', async () => {
		const customer = await createCustomer('crm-7');
		const { status, body } = await validate(target, { code: 'WELCOME10', amount: 10_000, tracking_id: 'track_b3RoZXItdmlzaXRvcg==', 'customer[id]': customer.id });

		expect(status).toBe(200);
		expect(body).toMatchObject({ valid: true, tracking_id: 'track_b3RoZXItdmlzaXRvcg==' });
		expect((await activityOf(customer.id)).map((entry) => entry.type)).toEqual(['customer.validation.succeeded', 'customer.created']);
	});

	test('records a failed validation on that customer too', async () => {
		const customer = await createCustomer('crm-8');
		const { status } = await validate(target, { code: 'NO-SUCH-CODE', 'customer[id]': customer.id });

		expect(status).toBe(200);
		expect((await activityOf(customer.id)).map((entry) => entry.type)).toEqual(['customer.validation.failed', 'customer.created']);
	});

	test('an unknown customer id is 404 not_found naming it, and records nothing', async () => {
		const before = target.api.snapshot();
		const { status, body } = await validate(target, { code: 'WELCOME10', tracking_id: 'track_b3RoZXItdmlzaXRvcg==', 'customer[id]': 'cust_000000000000000000000404' });

		expect(status).toBe(404);
		expect(body).toMatchObject({ code: 404, key: 'not_found', details: 'Cannot find customer with id cust_000000000000000000000404' });
		expect(target.api.snapshot()).toEqual(before);
	});
});

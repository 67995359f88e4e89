import { describe, expect, test } from 'vitest';
import { createCustomer, officialServer, sdkError } from './sdk-support.js';
import { clientCall, serverCall, TRANSPORTS, validate } from './support.js';

// Segments through the official SDK: static and auto-update, and membership that follows every kind of customer change.
describe.each(TRANSPORTS)('segments over $transport', ({ use }) => {
	const target = use({ bodyLimitBytes: 400_000 });
	const sdk = () => officialServer(target);
	const segmentIdsOf = async (customer: string) => (await sdk().segments.list(customer)).data.map((segment) => segment.id);
	const goldFilter = { junction: 'AND' as const, 'metadata.tier': { conditions: { $is: ['gold'] } } };

	test('a static segment holds the listed customers, and GET /v1/customers/{id}/segments lists it', async () => {
		const ann = await createCustomer(sdk(), { source_id: 'ann' });
		await createCustomer(sdk(), { source_id: 'bob' });
		const segment = await sdk().segments.create({ name: 'Friends', type: 'static', customers: [ann.id] });
		expect(segment).toMatchObject({ object: 'segment', name: 'Friends', type: 'static' });
		expect(segment.id).toMatch(/^seg_[0-9A-Za-z]{24}$/);
		expect(await sdk().segments.list('ann')).toMatchObject({ object: 'list', total: 1, data_ref: 'data', data: [{ id: segment.id, name: 'Friends', object: 'segment' }] });
		expect(await segmentIdsOf('bob')).toEqual([]);
	});

	test('a static segment stays as it was made: a later customer does not join it', async () => {
		const ann = await createCustomer(sdk(), { source_id: 'ann', metadata: { tier: 'gold' } });
		const segment = await sdk().segments.create({ name: 'Launch guests', type: 'static', customers: [ann.id] });
		await createCustomer(sdk(), { source_id: 'cleo', metadata: { tier: 'gold' } });
		expect(await segmentIdsOf('cleo')).toEqual([]);
		expect(await segmentIdsOf('ann')).toEqual([segment.id]);
	});

	test('a static segment takes at most 20,000 customers', async () => {
		const customers = Array.from({ length: 20_001 }, (_, index) => `c${index}`);
		const error = await sdkError(sdk().segments.create({ name: 'Too many', type: 'static', customers }));
		expect(error).toMatchObject({ code: 400, key: 'invalid_payload' });
		expect(error.details).toContain('at most 20000');
	});

	test('a static segment naming an unknown customer answers 404 and is not created', async () => {
		const error = await sdkError(sdk().segments.create({ name: 'Ghosts', type: 'static', customers: ['cust_nobody'] }));
		expect(error).toMatchObject({ code: 404, key: 'not_found' });
		expect(target.api.snapshot().segments).toEqual({});
	});

	test('an auto-update segment takes in the customers who already match', async () => {
		await createCustomer(sdk(), { source_id: 'gold-1', metadata: { tier: 'gold' } });
		await createCustomer(sdk(), { source_id: 'silver-1', metadata: { tier: 'silver' } });
		const segment = await sdk().segments.create({ name: 'Gold', type: 'auto-update', filter: goldFilter });
		expect(await segmentIdsOf('gold-1')).toEqual([segment.id]);
		expect(await segmentIdsOf('silver-1')).toEqual([]);
	});

	test('membership follows create and update: a customer joins when it comes to match and leaves when it stops', async () => {
		const segment = await sdk().segments.create({ name: 'Gold', type: 'auto-update', filter: goldFilter });
		await createCustomer(sdk(), { source_id: 'dana', metadata: { tier: 'gold' } });
		expect(await segmentIdsOf('dana')).toEqual([segment.id]);
		await sdk().customers.update({ source_id: 'dana', metadata: { tier: 'bronze' } } as never);
		expect(await segmentIdsOf('dana')).toEqual([]);
		await serverCall(target, 'PUT', '/customers/dana', { body: { metadata: { tier: 'gold' } } });
		expect(await segmentIdsOf('dana')).toEqual([segment.id]);
	});

	test('membership follows a redemption: a visitor who buys once joins "repeat buyers" as the redemption merges it', async () => {
		const segment = await sdk().segments.create({ name: 'Buyers', type: 'auto-update', filter: { 'summary.orders.total_count': { conditions: { $more_than: [0] } } } });
		await validate(target, { code: 'SAVE5', tracking_id: 'track_buyer' });
		await sdk().redemptions.redeem('SAVE5', { customer: { object: 'customer', source_id: 'track_buyer' }, order: { amount: 2000 } });
		expect(await segmentIdsOf('track_buyer')).toEqual([segment.id]);
	});

	test('membership follows events: a segment on events.<name>.count counts tracked events', async () => {
		await createCustomer(sdk(), { source_id: 'eve' });
		const segment = await sdk().segments.create({ name: 'Abandoners', type: 'auto-update', filter: { 'events.cart_abandoned.count': { conditions: { $more_than: [1] } } } });
		const track = () => clientCall(target, 'POST', '/events', { body: { event: 'cart_abandoned', customer: { source_id: 'eve' } } });
		await track();
		expect(await segmentIdsOf('eve')).toEqual([]);
		await track();
		expect(await segmentIdsOf('eve')).toEqual([segment.id]);
	});

	test('membership follows a merge: anonymous events move onto the customer with the redemption', async () => {
		const segment = await sdk().segments.create({ name: 'Browsers', type: 'auto-update', filter: { 'events.viewed_sale.count': { conditions: { $is: [1] } } } });
		await clientCall(target, 'POST', '/events', { body: { event: 'viewed_sale', customer: { source_id: 'track_visitor' } } });
		await serverCall(target, 'POST', '/vouchers/SAVE5/redemption?tracking_id=track_visitor', { body: { customer: { source_id: 'fay@example.com' }, order: { amount: 2000 } } });
		expect(await segmentIdsOf('fay@example.com')).toEqual([segment.id]);
	});

	test('GET and DELETE /v1/segments/{id}; a deleted segment leaves every customer', async () => {
		await createCustomer(sdk(), { source_id: 'gus', metadata: { tier: 'gold' } });
		const created = await sdk().segments.create({ name: 'Gold', type: 'auto-update', filter: goldFilter });
		expect(await sdk().segments.get(created.id)).toMatchObject({ id: created.id, type: 'auto-update', filter: goldFilter });
		await sdk().segments.delete(created.id);
		expect(await segmentIdsOf('gus')).toEqual([]);
		expect(await sdkError(sdk().segments.get(created.id))).toMatchObject({ code: 404, key: 'not_found' });
	});

	test('deleting a customer drops its memberships', async () => {
		const hal = await createCustomer(sdk(), { source_id: 'hal', metadata: { tier: 'gold' } });
		await sdk().segments.create({ name: 'Gold', type: 'auto-update', filter: goldFilter });
		await sdk().customers.delete(hal.id);
		expect(target.api.snapshot().segmentMemberships).toEqual({});
	});

	test('an unknown field or operator answers 400 invalid_payload naming it', async () => {
		const field = await sdkError(sdk().segments.create({ name: 'Bad', type: 'auto-update', filter: { shoe_size: { conditions: { $is: [5] } } } }));
		expect(field).toMatchObject({ code: 400, key: 'invalid_payload' });
		expect(field.details).toContain('shoe_size');
		const operator = await sdkError(sdk().segments.create({ name: 'Bad', type: 'auto-update', filter: { email: { conditions: { $matches: ['x'] } } } }));
		expect(operator.details).toContain('$matches');
	});
});

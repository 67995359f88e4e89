import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { clientCall, serverCall, useHttpMock, validate, type ActivityBody, type CustomerBody } from './support.js';

/** CONTRACT §3a and §5: a login mid-session, redeemed with `tracking_id` = the anonymous id and `customer.source_id` = the hash. */

const hashOf = (identity: string) => createHash('sha256').update(identity).digest('hex');

describe('login mid-session over real HTTP', () => {
	const target = useHttpMock();

	const activityTypes = async (customer: string) =>
		(await serverCall<{ data: ActivityBody[] }>(target, 'GET', `/customers/${encodeURIComponent(customer)}/activity?limit=100`)).body.data.map(
			(entry) => entry.type,
		);

	/** Two validations before login (under T) and one after (under H), as the SDK sends them. */
	async function browseThenLogIn(anonymousId: string, hash: string) {
		await validate(target, { code: 'WELCOME10', amount: 4000, tracking_id: anonymousId });
		await validate(target, { code: 'NOPE-123', amount: 4000, tracking_id: anonymousId });
		await validate(target, { code: 'WELCOME10', amount: 4000, tracking_id: hash });
	}

	test('a redemption with tracking_id = the anonymous id and customer.source_id = the hash holds both histories', async () => {
		const [anonymousId, hash] = ['track_before+login==', hashOf('alice@example.com')];
		await browseThenLogIn(anonymousId, hash);

		const { status, body } = await serverCall(target, 'POST', '/vouchers/WELCOME10/redemption', {
			body: { tracking_id: anonymousId, customer: { source_id: hash }, order: { amount: 4000 } },
		});

		expect(status).toBe(200);
		expect(body).toMatchObject({ tracking_id: anonymousId, customer: { source_id: hash } });
		expect(await activityTypes(hash)).toEqual([
			'customer.redemption.succeeded',
			'customer.created',
			'customer.validation.succeeded',
			'customer.validation.failed',
			'customer.validation.succeeded',
		]);
		expect(target.api.anonymousActivity(anonymousId)).toEqual([]);
		expect(target.api.anonymousActivity(hash)).toEqual([]);
	});

	test('takes the tracking id from the body of POST /v1/vouchers/{code}/redemption, as @voucherify/sdk sends it', async () => {
		const trackingId = 'track_in/the+body';
		await validate(target, { code: 'WELCOME10', amount: 4000, tracking_id: trackingId });

		const { body } = await serverCall(target, 'POST', '/vouchers/SAVE5/redemption', { body: { tracking_id: trackingId, order: { amount: 4000 } } });

		expect(body).toMatchObject({ tracking_id: trackingId, customer: { source_id: trackingId } });
		expect(await activityTypes(trackingId)).toEqual(['customer.redemption.succeeded', 'customer.created', 'customer.validation.succeeded']);
	});

	test('refuses a query tracking_id and a body tracking_id that differ, and changes nothing', async () => {
		await validate(target, { code: 'WELCOME10', amount: 4000, tracking_id: 'track_query' });

		const { status, body } = await serverCall(target, 'POST', '/vouchers/SAVE5/redemption?tracking_id=track_query', {
			body: { tracking_id: 'track_body', order: { amount: 4000 } },
		});

		expect(status).toBe(400);
		expect(body).toMatchObject({ key: 'invalid_payload' });
		expect(target.api.anonymousActivity('track_query')).toHaveLength(1);
		expect((await serverCall(target, 'GET', '/customers/track_query')).status).toBe(404);
	});

	test('two checkouts racing on one anonymous id create one customer and move each activity exactly once', async () => {
		const [anonymousId, hash] = ['track_racing/checkouts', hashOf('bob@example.com')];
		await browseThenLogIn(anonymousId, hash);
		await clientCall(target, 'POST', '/events', { body: { event: 'viewed_cart', customer: { source_id: anonymousId } } });

		const checkout = (code: string) =>
			serverCall(target, 'POST', `/vouchers/${code}/redemption`, { body: { tracking_id: anonymousId, customer: { source_id: hash }, order: { amount: 4000 } } });
		const answers = await Promise.all([checkout('WELCOME10'), checkout('SAVE5'), checkout('WELCOME10'), checkout('SAVE5')]);

		expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
		expect(new Set(answers.map((answer) => answer.body.customer_id)).size).toBe(1);
		const customers = await serverCall<{ customers: CustomerBody[] }>(target, 'GET', '/customers?limit=100');
		expect(customers.body.customers.filter((customer) => customer.source_id === hash || customer.source_id === anonymousId)).toHaveLength(1);
		const types = await activityTypes(hash);
		expect(types.filter((type) => type.startsWith('customer.validation'))).toHaveLength(3);
		expect(types.filter((type) => type === 'customer.custom_event')).toHaveLength(1);
		expect(types.filter((type) => type === 'customer.redemption.succeeded')).toHaveLength(4);
	});

	test('an anonymous id already merged into one customer cannot be redeemed for another identity', async () => {
		const anonymousId = 'track_shared+computer';
		await validate(target, { code: 'WELCOME10', amount: 4000, tracking_id: anonymousId });
		await serverCall(target, 'POST', '/vouchers/WELCOME10/redemption', { body: { tracking_id: anonymousId, customer: { source_id: hashOf('a@example.com') }, order: { amount: 4000 } } });
		await serverCall(target, 'POST', '/customers', { body: { source_id: hashOf('b@example.com') } });

		const { status, body } = await serverCall(target, 'POST', '/vouchers/SAVE5/redemption', {
			body: { tracking_id: anonymousId, customer: { source_id: hashOf('b@example.com') }, order: { amount: 4000 } },
		});

		expect(status).toBe(400);
		expect(body).toMatchObject({ key: 'ambiguous_tracking_id' });
	});
});

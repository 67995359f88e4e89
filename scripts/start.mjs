#!/usr/bin/env node
// `npm start`: the mock API and the demo storefront on different ports, so the browser makes real CORS calls.
// `npm start` builds first; this file only serves what dist/ holds.
const { createMockApi, MOCK_DEFAULTS } = await import('../dist/mock/index.js');
const { createDemoServer } = await import('../demo/server.mjs');

const port = (name, fallback) => {
	const value = process.env[name];
	if (value === undefined || value === '') return fallback;
	const parsed = Number(value);
	if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) {
		console.error(`${name} must be a port number from 0 to 65535, got ${value}`);
		process.exit(2);
	}
	return parsed;
};

const mock = createMockApi();
const api = await mock.start({ port: port('API_PORT', 4010), host: '127.0.0.1' });
const demo = createDemoServer({
	apiUrl: api.url,
	clientApplicationId: MOCK_DEFAULTS.clientApplicationId,
	clientToken: MOCK_DEFAULTS.clientToken,
	applicationId: MOCK_DEFAULTS.applicationId,
	secretKey: MOCK_DEFAULTS.secretKey,
});
const demoUrl = await demo.listen(port('DEMO_PORT', 5173), '127.0.0.1');

console.log(`API: ${api.url}`);
console.log(`Demo: ${demoUrl}`);

const stop = async () => {
	await Promise.allSettled([demo.close(), api.close()]);
	process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

// Runs in the benchmark page: both SDKs and plain fetch, timed with performance.now() in the page itself.
(() => {
	const clients = {};

	const time = async (call) => {
		const start = performance.now();
		await call();
		return performance.now() - start;
	};

	window.bench = {
		createClients({ apiUrl, clientApplicationId, clientToken }) {
			clients.ours = window.Voucherify.createClient({ apiUrl, clientApplicationId, clientToken });
			clients.official = window.VoucherifyClientSide({ clientApplicationId, clientSecretKey: clientToken, apiUrl, origin: location.origin });
		},

		call(sdk, method, argument) {
			return clients[sdk][method](argument);
		},

		/** `calls` SDK calls and `calls` fetch calls, one of each in turn, after `warmup` of each. */
		async alternate({ sdk, code, fetchUrl, fetchInit, warmup, calls }) {
			const callSdk = async () => {
				const result = await clients[sdk].validate(code);
				if (result?.valid !== true) throw new Error(`${sdk} validate(${code}) did not answer valid: ${JSON.stringify(result)}`);
			};
			const callFetch = async () => {
				const response = await fetch(fetchUrl, fetchInit);
				if (!response.ok) throw new Error(`fetch ${fetchUrl} answered ${response.status}`);
				await response.json();
			};
			for (let index = 0; index < warmup; index += 1) {
				await callSdk();
				await callFetch();
			}
			const sdkTimes = [];
			const fetchTimes = [];
			for (let index = 0; index < calls; index += 1) {
				// Swapping which goes first each round cancels any edge from running right after the other.
				if (index % 2 === 0) {
					sdkTimes.push(await time(callSdk));
					fetchTimes.push(await time(callFetch));
				} else {
					fetchTimes.push(await time(callFetch));
					sdkTimes.push(await time(callSdk));
				}
			}
			return { sdk: sdkTimes, fetch: fetchTimes };
		},

		/**
		A shopper's repeated checks: `calls` validations, each with another code and cart amount (a new URL for a GET),
		through each SDK in turn; returns each call's time.
		*/
		async repeatedChecks({ codes, calls }) {
			const times = { ours: [], official: [] };
			for (let index = 0; index < calls; index += 1) {
				const params = { code: codes[index % codes.length], amount: 1000 + index };
				const order = index % 2 === 0 ? ['ours', 'official'] : ['official', 'ours'];
				// An invalid code's 4xx rejects in the official SDK: it is timed all the same, as a shopper waits for it.
				for (const sdk of order) times[sdk].push(await time(() => clients[sdk].validate(params).catch(() => undefined)));
			}
			return times;
		},
	};
})();

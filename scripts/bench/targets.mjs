/** The targets of the issue, each checked against what this run measured. */
export function checkTargets({ sizes, latency, sdkWork, repeatedChecks, requests, startup }) {
	const targets = [
		{ id: 'iifeGzip', label: 'script tag ≤ 10,240 B gzip', value: sizes.iife.gzip, limit: 10_240, unit: 'B', met: (value, limit) => value <= limit },
		{ id: 'iifeVsOfficial', label: 'script tag ≤ 0.55× official (gzip)', value: sizes.ratios.iifeVsOfficial.gzip, limit: 0.55, unit: '×', met: (value, limit) => value <= limit },
		{ id: 'validateVsFetch', label: 'validate ≤ 1.10× plain fetch (median)', value: latency.ours.ratio.median, limit: 1.1, unit: '×', met: (value, limit) => value <= limit },
		{ id: 'validateOverhead', label: `validate overhead ≤ the official SDK's ${latency.official.overheadMs.toFixed(3)} ms (median, loopback)`, value: latency.ours.overheadMs, limit: latency.official.overheadMs, unit: 'ms', met: (value, limit) => value <= limit },
		{ id: 'validateOverheadOwnTransport', label: `validate overhead over plain XHR, the transport both send with, ≤ the official SDK's ${latency.official.overXhrMs.toFixed(3)} ms`, value: latency.ours.overXhrMs, limit: latency.official.overXhrMs, unit: 'ms', met: (value, limit) => value <= limit },
		{ id: 'sdkWork', label: `validate's own work, transport stubbed ≤ the official SDK's ${sdkWork.official.perCallUs} µs per call`, value: sdkWork.ours.perCallUs, limit: sdkWork.official.perCallUs, unit: 'µs', met: (value, limit) => value <= limit },
		{ id: 'validateTenth', label: '10th validate (new code and amount) = 1 request', value: requests.validate.tenth, limit: 1, unit: 'request', met: (value, limit) => value === limit },
		{ id: 'repeatedChecksVsOfficial', label: `repeated checks ≤ 0.6× official (median, ${repeatedChecks.delayMs} ms round trip)`, value: repeatedChecks.ratio, limit: 0.6, unit: '×', met: (value, limit) => value <= limit },
		{ id: 'stackableTenth', label: '10th validateStackable = 1 request', value: requests.validateStackable.tenth, limit: 1, unit: 'request', met: (value, limit) => value === limit },
		{ id: 'startupVsOfficial', label: 'start-up ≤ 0.5× official (median)', value: startup.ratio, limit: 0.5, unit: '×', met: (value, limit) => value <= limit },
	];
	return targets.map(({ met, ...target }) => ({ ...target, met: met(target.value, target.limit) }));
}

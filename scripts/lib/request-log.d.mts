export type LoggedRequest = {
	method: string;
	path: string;
	/** As Node's IncomingMessage gives them: names in lower case. */
	headers: Record<string, string | string[] | undefined>;
	/** The body as text; complete once the request has ended. */
	body: string;
};

export function startRequestLog(targetUrl: string): Promise<{ url: string; requests: LoggedRequest[]; close(): Promise<void> }>;

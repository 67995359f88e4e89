export type LoggedRequest = { method: string; path: string };

export function startRequestLog(targetUrl: string): Promise<{ url: string; requests: LoggedRequest[]; close(): Promise<void> }>;

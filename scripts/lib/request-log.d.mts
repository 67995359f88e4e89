export type LoggedRequest = { method: string; path: string; headers: Record<string, string | string[] | undefined>; body: string };

export function startRequestLog(targetUrl: string): Promise<{ url: string; requests: LoggedRequest[]; close(): Promise<void> }>;

export type DemoServerConfig = {
	apiUrl: string;
	clientApplicationId: string;
	clientToken: string;
	applicationId: string;
	secretKey: string;
};

export function createDemoServer(config: DemoServerConfig): {
	listen(port?: number, host?: string): Promise<string>;
	close(): Promise<void>;
};

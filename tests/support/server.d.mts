import type { IncomingMessage, ServerResponse } from 'node:http';
export const REPO_ROOT: string;
export const SHARED: string;
export const PAGES: string;
export interface StartedServer {
  port: number;
  url: string;
  requests: string[];
  close(): Promise<void>;
}
export function startServer(options?: {
  port?: number;
  extraRoots?: Array<[string, string]>;
  handler?: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;
}): Promise<StartedServer>;

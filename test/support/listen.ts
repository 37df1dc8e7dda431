import type { ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

export interface RunningServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  /** Stops listening and drops every open connection. */
  close(): Promise<void>;
}

/** Serves `fetch` (an app's) on 127.0.0.1 with a free port, through the same node adapter as `src/index.ts`. */
export function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  serverOptions: ServerOptions = {},
): Promise<RunningServer> {
  return new Promise((resolve) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0, serverOptions }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((closed) => {
            server.close(() => closed());
            if ('closeAllConnections' in server) {
              server.closeAllConnections();
            }
          }),
      });
    });
  });
}

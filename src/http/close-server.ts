/** The parts of a Node server that closing it needs (HTTP/2 servers lack the connection helpers). */
export interface ClosableServer {
  close(callback?: (error?: Error) => void): unknown;
  closeIdleConnections?: () => void;
  closeAllConnections?: () => void;
}

/**
 * Stops listening and resolves once every connection has closed: answers already handed to Node are
 * written first (exiting earlier can cut them off). Connections still busy after `timeoutMs` are dropped.
 */
export function closeServer(server: ClosableServer, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.closeAllConnections?.();
      resolve();
    }, timeoutMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections?.();
  });
}

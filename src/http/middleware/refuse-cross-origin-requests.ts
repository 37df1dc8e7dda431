import type { MiddlewareHandler } from 'hono';
import { CrossOriginRequestError } from '../../errors/brief-error.js';

export interface RefuseCrossOriginRequestsOptions {
  /** Origins allowed by CORS (`BRIEF_CORS_ORIGINS`): their pages may call Brief. */
  allowedOrigins: string[];
}

/** Methods a browser may send cross-origin without a preflight and that change nothing here. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The request URL's host is the Host header's (what the browser called). */
function sameHost(origin: string, requestUrl: string): boolean {
  try {
    return new URL(origin).host === new URL(requestUrl).host;
  } catch {
    return false;
  }
}

/**
 * For an instance without API keys: a page on another site can make its visitor's browser POST
 * `text/plain`, `text/html` or a form to Brief without a CORS preflight and so spend the model budget.
 * Such a request carries `Sec-Fetch-Site` and `Origin`; unless it comes from the same origin or an
 * allowed one, it is refused with 403. Clients that send neither header (curl, servers) pass. Every
 * unsafe request is judged, whatever its content type: a JSON one from such a page never passes CORS
 * anyway, so nothing legitimate is lost.
 */
export function refuseCrossOriginRequests(options: RefuseCrossOriginRequestsOptions): MiddlewareHandler {
  const allowed = new Set(options.allowedOrigins);
  return async function refuseCrossOrigin(context, next) {
    if (SAFE_METHODS.has(context.req.method)) {
      return next();
    }
    const site = context.req.header('sec-fetch-site');
    const origin = context.req.header('origin');
    if (site === 'same-origin' || site === 'none') {
      return next();
    }
    if (origin === undefined && site === undefined) {
      return next();
    }
    if (
      origin !== undefined &&
      (allowed.has(origin) || (site === undefined && sameHost(origin, context.req.url)))
    ) {
      return next();
    }
    throw new CrossOriginRequestError(
      `Requests from ${origin ?? 'another site'} are refused: this instance has no API keys, so only its own pages, the origins in BRIEF_CORS_ORIGINS and clients outside a browser may call it.`,
      { extensions: { origin: origin ?? null } },
    );
  };
}

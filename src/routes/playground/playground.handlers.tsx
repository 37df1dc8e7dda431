import type { Handler } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '../../http/app-env.js';
import { PlaygroundPage, type PlaygroundPageProps } from './components/playground-page.js';

/**
 * The page loads nothing but its own script, styles and icon and talks only to this origin's API.
 * Inline scripts and styles are refused, so injected markup cannot run.
 */
export const PLAYGROUND_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function createPlaygroundPageHandler(readProps: () => PlaygroundPageProps): Handler<AppEnv> {
  return function servePlaygroundPage(context) {
    const props = readProps();
    context.header('content-security-policy', PLAYGROUND_SECURITY_POLICY);
    context.header('cache-control', 'no-cache');
    return context.html(html`<!DOCTYPE html>${<PlaygroundPage {...props} />}`);
  };
}

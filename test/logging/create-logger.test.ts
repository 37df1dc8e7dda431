import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/create-logger.js';

function capture() {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => lines.push(line) } });
  return { logger, lines };
}

describe('createLogger', () => {
  it('redacts credentials in errors, requests, responses and configuration', () => {
    const { logger, lines } = capture();
    const error = Object.assign(new Error('upstream said no'), {
      headers: { authorization: 'Bearer sk-secret-1', 'x-api-key': 'sk-secret-2', 'request-id': 'req_1' },
    });
    logger.error({ err: error }, 'failed');
    logger.info({ request: { headers: { authorization: 'Bearer sk-secret-3' } } }, 'request');
    logger.info({ config: { apiKey: 'sk-secret-4', port: 8787 } }, 'config');
    logger.info({ response: { api_key: 'sk-secret-5' }, authorization: 'Bearer sk-secret-6' }, 'response');

    const text = lines.join('');
    expect(text).not.toMatch(/sk-secret/);
    const [failed, request, config, response] = lines.map((line) => JSON.parse(line));
    // The error serializer keeps no headers at all; the redacted paths guard the other holders.
    expect(failed.err).toEqual({
      type: 'Error',
      name: 'Error',
      message: 'upstream said no',
      stack: expect.any(String),
    });
    expect(request.request.headers.authorization).toBe('[redacted]');
    expect(config.config).toEqual({ apiKey: '[redacted]', port: 8787 });
    expect(response.response.api_key).toBe('[redacted]');
    expect(response.authorization).toBe('[redacted]');
  });

  it('writes a line without credentials as it is', () => {
    const { logger, lines } = capture();
    const tokens = { input_tokens: 1200, output_tokens: 300 };
    logger.info({ status: 200, route: '/v1/summaries', tokens }, 'request');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      status: 200,
      route: '/v1/summaries',
      tokens,
      msg: 'request',
    });
  });
});

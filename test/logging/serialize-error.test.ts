import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/create-logger.js';
import { serializeError } from '../../src/logging/serialize-error.js';

const SUMMARY = 'Die Bahn reaktiviert das Lenzbachtal';

function capture() {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => lines.push(line) } });
  return { logger, lines };
}

/** An error as ioredis rejects a command: the command's arguments attached. */
function redisError(message: string) {
  return Object.assign(new Error(message), {
    name: 'ReplyError',
    command: {
      name: 'set',
      args: ['brief:summary:abc', JSON.stringify({ headline: SUMMARY }), 'EX', '86400'],
    },
  });
}

describe('the err serializer', () => {
  it('keeps what failed and where, and drops the command arguments a Redis error carries', () => {
    const serialized = serializeError(redisError("OOM command not allowed when used memory > 'maxmemory'."));
    expect(serialized).toEqual({
      type: 'Error',
      name: 'ReplyError',
      message: "OOM command not allowed when used memory > 'maxmemory'.",
      command: 'set',
      stack: expect.stringMatching(/^\s+at /),
    });
    expect(JSON.stringify(serialized)).not.toContain(SUMMARY);
  });

  it('drops request and response bodies of an upstream error but keeps its status, code and request id', () => {
    const upstream = Object.assign(new Error('400 invalid_request_error'), {
      status: 400,
      code: 'invalid_request_error',
      requestID: 'req_011',
      headers: { 'anthropic-organization-id': 'org-1' },
      error: { type: 'error', error: { message: SUMMARY } },
      request: { body: SUMMARY },
      response: { body: SUMMARY },
    });
    expect(serializeError(upstream)).toEqual({
      type: 'Error',
      name: 'Error',
      message: '400 invalid_request_error',
      status: 400,
      code: 'invalid_request_error',
      request_id: 'req_011',
      stack: expect.any(String),
    });
  });

  it('serializes causes the same way, a few levels deep', () => {
    const wrapped = new Error('cache unavailable', { cause: redisError('Connection is closed.') });
    const serialized = serializeError(wrapped);
    expect(serialized.cause).toMatchObject({
      name: 'ReplyError',
      message: 'Connection is closed.',
      command: 'set',
    });
    expect(JSON.stringify(serialized)).not.toContain(SUMMARY);
    let deep: unknown = new Error('bottom');
    for (let level = 0; level < 10; level += 1) deep = new Error(`level ${level}`, { cause: deep });
    expect(JSON.stringify(serializeError(deep)).match(/"message"/g)).toHaveLength(4);
  });

  it('names what was thrown when it is not an object, without its value', () => {
    expect(serializeError(SUMMARY)).toEqual({ type: 'string' });
    expect(serializeError(undefined)).toEqual({ type: 'undefined' });
    expect(serializeError(null)).toEqual({ type: 'null' });
  });

  it('caps a message a library filled with a body', () => {
    const message = serializeError(new Error(`failed: ${'x'.repeat(10_000)}`)).message ?? '';
    expect(message.length).toBeLessThanOrEqual(501);
  });

  it('is what every logger and child logger applies to err, and to an error logged on its own', () => {
    const { logger, lines } = capture();
    logger.warn({ err: redisError('READONLY') }, 'cache unavailable');
    logger.child({ request_id: 'r1' }).error({ err: redisError('NOAUTH') }, 'request failed');
    logger.error(redisError('Connection is closed.'));
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).not.toContain(SUMMARY);
      expect(line).not.toContain('brief:summary:abc');
      expect(JSON.parse(line).err).toMatchObject({ name: 'ReplyError', command: 'set' });
    }
  });
});

/** What a log line keeps of an error: enough to tell what failed and where, nothing it carried along. */
export interface SerializedError {
  type: string;
  name?: string;
  message?: string;
  code?: string | number;
  status?: number;
  /** Node's system call for system errors (`connect`, `listen`, ...). */
  syscall?: string;
  /** The upstream API's request id, for a support ticket. */
  request_id?: string;
  /** The name of the command that failed (a Redis command), never its arguments. */
  command?: string;
  /** The stack frames, without the message line (the message is above). */
  stack?: string;
  cause?: SerializedError;
}

// Messages are the library's own words; the cap bounds the odd library that puts a body in one.
const MAX_MESSAGE_CHARS = 500;
const MAX_CAUSE_DEPTH = 3;

/**
 * The `err` serializer of every Brief logger. Libraries attach what they were handling to their
 * errors: ioredis the command's arguments (a cache key and the cached summaries), the SDK the
 * request and response, other clients their bodies. This keeps an allow-list of fields and drops
 * everything else, so an error can never carry article text or a summary into the logs.
 */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (typeof error !== 'object' || error === null) {
    return { type: error === null ? 'null' : typeof error };
  }
  const fields = error as Record<string, unknown>;
  const serialized: SerializedError = { type: error.constructor?.name ?? 'Object' };
  if (typeof fields.name === 'string') serialized.name = fields.name;
  if (typeof fields.message === 'string') serialized.message = capped(fields.message);
  if (typeof fields.code === 'string' || typeof fields.code === 'number') serialized.code = fields.code;
  if (typeof fields.status === 'number') serialized.status = fields.status;
  if (typeof fields.syscall === 'string') serialized.syscall = fields.syscall;
  if (typeof fields.requestID === 'string') serialized.request_id = fields.requestID;
  const command = fields.command as { name?: unknown } | undefined;
  if (typeof command?.name === 'string') serialized.command = command.name;
  if (typeof fields.stack === 'string') {
    const frames = fields.stack.split('\n').filter((line) => /^\s+at /.test(line));
    if (frames.length > 0) serialized.stack = frames.join('\n');
  }
  if (fields.cause !== undefined && depth < MAX_CAUSE_DEPTH) {
    serialized.cause = serializeError(fields.cause, depth + 1);
  }
  return serialized;
}

function capped(message: string): string {
  return message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)}…` : message;
}

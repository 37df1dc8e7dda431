/** Readable, predictable ids (`msg_fake_000001`): one counter per prefix, restarted by `reset`. */
export interface IdSequence {
  next(prefix: string): string;
  reset(): void;
}

const ID_DIGITS = 6;

export function createIdSequence(): IdSequence {
  const counters = new Map<string, number>();
  return {
    next(prefix) {
      const count = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, count);
      return `${prefix}${String(count).padStart(ID_DIGITS, '0')}`;
    },
    reset() {
      counters.clear();
    },
  };
}

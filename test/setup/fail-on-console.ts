import { afterEach, beforeEach, type MockInstance, vi } from 'vitest';

// House rule (after Zod): a test that writes to the console unexpectedly fails.
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
let spies: MockInstance[] = [];

beforeEach(() => {
  spies = methods.map((method) => vi.spyOn(console, method).mockImplementation(() => {}));
});

afterEach(() => {
  const calls = spies.flatMap((spy, index) =>
    spy.mock.calls.map((args) => `console.${methods[index]}: ${args.map(String).join(' ')}`),
  );
  for (const spy of spies) {
    spy.mockRestore();
  }
  if (calls.length > 0) {
    throw new Error(`Unexpected console output:\n${calls.join('\n')}`);
  }
});

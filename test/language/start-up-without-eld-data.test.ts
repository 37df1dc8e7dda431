import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createTestBrief } from '../support/create-test-brief.js';

// An image or checkout without eld's database: the start-up check looks for a file that is not there.
vi.mock('../../src/language/read-eld-small-data.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/language/read-eld-small-data.js')>();
  const missing = path.join(path.dirname(original.ELD_SMALL_DATA_FILE), 'no-such-eld-small.json');
  return { ...original, assertEldSmallDataPresent: () => original.assertEldSmallDataPresent(missing) };
});

describe("start-up without eld's language database", () => {
  it('refuses to build Brief, saying how to write the file, instead of failing the first request', () => {
    expect(() => createTestBrief()).toThrow(/no-such-eld-small\.json is missing.*npm run language-data/);
  });
});

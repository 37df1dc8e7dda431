import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/env.js';
import { loadEld } from '../../src/language/load-eld.js';

const samplesDirectory = path.join(PROJECT_ROOT, 'samples');
const samples = readdirSync(samplesDirectory)
  .filter((file) => file.endsWith('.txt'))
  .map((file) => readFileSync(path.join(samplesDirectory, file), 'utf8'));

describe('loadEld', () => {
  it("is eld's own detector from its public `eld/small` entry, loaded once", async () => {
    const { eld } = await import('eld/small');
    expect(loadEld()).toBe(eld);
    expect(loadEld().info()).toMatchObject({ 'Data type': 'S60' });
  });

  it('names each sample article German, and other languages as themselves', () => {
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples) expect(loadEld().detect(sample).language).toBe('de');
    expect(loadEld().detect('The parliament passed a new law on Thursday.').language).toBe('en');
    expect(loadEld().detect('Het parlement heeft donderdag een nieuwe wet aangenomen.').language).toBe('nl');
    expect(loadEld().detect('Парламент в четверг принял новый закон.').language).toBe('ru');
  });

  it('gives each new instance a language subset of its own', () => {
    const germanOrEnglish = loadEld().newInstance();
    germanOrEnglish.setLanguageSubset(['en', 'de']);
    const dutch = 'Het parlement heeft donderdag een nieuwe wet aangenomen.';
    expect(['en', 'de']).toContain(germanOrEnglish.detect(dutch).language);
    expect(loadEld().detect(dutch).language).toBe('nl');
  });
});

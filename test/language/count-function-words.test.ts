import { describe, expect, it } from 'vitest';
import { countFunctionWords } from '../../src/language/count-function-words.js';

describe('countFunctionWords', () => {
  it('counts English and German function words, and the German ones no Dutch or Danish text has', () => {
    expect(countFunctionWords('Der Kanzler sagte, dass die Regierung nicht zurücktreten wird.')).toEqual({
      en: 0,
      de: 5,
      distinctlyGerman: 3,
    });
    expect(countFunctionWords('The chancellor said that the government would not resign.')).toEqual({
      en: 6,
      de: 0,
      distinctlyGerman: 0,
    });
  });

  it('counts words shared by both languages for neither', () => {
    expect(countFunctionWords('Was an also so will')).toEqual({ en: 0, de: 0, distinctlyGerman: 0 });
  });

  it('reads only the opening of a text, about as much as eld reads', () => {
    const opening = 'Lorem '.repeat(60);
    expect(countFunctionWords(`${opening}the and of is with`)).toEqual({ en: 0, de: 0, distinctlyGerman: 0 });
  });
});

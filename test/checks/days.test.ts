import { describe, expect, it } from 'vitest';
import { extractDayReferences } from '../../src/checks/extract-day-references.js';
import { checkSummaries, type SummaryInput } from '../../src/checks/index.js';

const SOURCE =
  'Die Polizei nahm am Dienstagabend in Linz einen Mann fest. Gestern wurde er verhört, heute soll er ' +
  'dem Haftrichter vorgeführt werden. Am Wochenende hatte es Proteste gegeben, am Sonntag um 14 Uhr ' +
  'zogen 300 Menschen durch die Innenstadt.';

const only = (text: string): SummaryInput => ({ headline: 'Festnahme', summary: text, key_points: [] });
const flagged = (language: 'en' | 'de', text: string) =>
  checkSummaries({ source: SOURCE, summaries: { [language]: only(text) } })
    .failures.filter((failure) => failure.check === 'figures')
    .map((failure) => failure.text);

describe('days and times of day', () => {
  it.each([
    ['de', 'Die Polizei nahm am Dienstagabend in Linz einen Mann fest.'],
    ['de', 'Der Mann wurde gestern verhört und soll heute vorgeführt werden.'],
    ['de', 'Am Wochenende gab es Proteste, am Sonntag um 14 Uhr zogen 300 Menschen durch Linz.'],
    ['en', 'Police arrested a man in Linz on Tuesday evening.'],
    ['en', 'Police arrested a man in Linz on Tuesday night.'],
    ['en', 'He was questioned yesterday and is to see a judge today.'],
    ['en', 'Protests took place at the weekend; on Sunday at 2 p.m., 300 people marched.'],
    ['en', 'Protests took place on Sunday afternoon.'],
  ] as const)('accepts what the article states (%s): %s', (language, text) => {
    expect(flagged(language, text)).toEqual([]);
  });

  it.each([
    ['de', 'Die Polizei nahm am Mittwochabend in Linz einen Mann fest.', 'Mittwochabend'],
    ['de', 'Die Polizei nahm am Dienstagmorgen in Linz einen Mann fest.', 'Dienstagmorgen'],
    ['de', 'Der Mann wird morgen vorgeführt.', 'morgen'],
    ['de', 'Am Samstag gab es Proteste.', 'Samstag'],
    ['en', 'Police arrested a man in Linz on Wednesday.', 'Wednesday'],
    ['en', 'Police arrested a man in Linz on Tuesday morning.', 'Tuesday morning'],
    ['en', 'He will see a judge tomorrow.', 'tomorrow'],
    ['en', 'On Sunday at 3 p.m., 300 people marched.', '3 p.m.'],
  ] as const)('flags a changed day or time (%s): %s', (language, text, expected) => {
    expect(flagged(language, text)).toEqual([expected]);
  });

  it('reads English day names in the article too', () => {
    const source = 'Der Handel erwartet zum Black Friday Rekordumsätze, berichtet die Sunday Times.';
    const failures = checkSummaries({
      source,
      summaries: { en: only('Retailers expect record sales on Black Friday, the Sunday Times reports.') },
    }).failures;
    expect(failures.filter((failure) => failure.check === 'figures')).toEqual([]);
  });

  it('says which day it read', () => {
    const failure = checkSummaries({
      source: SOURCE,
      summaries: { en: only('Police arrested a man in Linz on Wednesday evening.') },
    }).failures.find((candidate) => candidate.check === 'figures');
    expect(failure?.detail).toBe(
      "The day 'Wednesday evening' (read as Wednesday evening) does not appear in the article.",
    );
  });

  it('reads compounds and adverbs, but neither a noun such as "Sonntagsfrage" nor "am Morgen" as a day', () => {
    const days = extractDayReferences('Dienstagabends und heute Abend; die Sonntagsfrage am Morgen.', 'de');
    expect(days).toEqual([
      { day: 'tuesday', part: 'evening', written: 'Dienstagabends' },
      { day: 'today', part: 'evening', written: 'heute Abend' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/brief-error.js';
import { buildNinjsAnswer, type NinjsAnswerInput } from '../../src/ninjs/build-ninjs-answer.js';
import { detectNinjsVersion } from '../../src/ninjs/detect-ninjs-version.js';
import { readNinjsArticleText } from '../../src/ninjs/read-ninjs-article-text.js';
import { readNinjsItem } from '../../src/ninjs/read-ninjs-item.js';
import { wantsNinjs } from '../../src/ninjs/wants-ninjs.js';
import { inThreadCpuTasks } from '../../src/workers/in-thread-cpu-tasks.js';
import { ninjsSchemaErrors } from '../support/validate-ninjs.js';

const PARAGRAPH =
  'Der Stadtrat von Lenzbach hat am Dienstag beschlossen, die alte Stadtbibliothek für 4,2 Millionen Euro zu sanieren.';

describe('detectNinjsVersion', () => {
  it('takes the declared version first, from standard in 2.x and 3.x and $standard in 1.x', () => {
    expect(detectNinjsVersion({ uri: 'urn:x', standard: { version: '2.1' } })).toBe(2);
    expect(detectNinjsVersion({ uri: 'urn:x', $standard: { version: '1.6' } })).toBe(1);
    expect(detectNinjsVersion({ uri: 'urn:x', standard: { version: '3.1' }, headline: 'x' })).toBe(3);
  });

  it('reads an undeclared version from the property names', () => {
    expect(detectNinjsVersion({ uri: 'urn:x', headline: 'x', body_text: 'y' })).toBe(1);
    expect(detectNinjsVersion({ uri: 'urn:x', versionCreated: '2024-01-01T00:00:00Z' })).toBe(3);
    expect(detectNinjsVersion({ uri: 'urn:x', bodies: [{ contentType: 'text/plain', value: 'y' }] })).toBe(3);
    expect(detectNinjsVersion({ uri: 'urn:x', bodies: [{ contenttype: 'text/plain', value: 'y' }] })).toBe(2);
    expect(detectNinjsVersion({ uri: 'urn:x', pubstatus: 'usable', bodies: [{ value: 'y' }] })).toBe(2);
    expect(detectNinjsVersion({ uri: 'urn:x', bodies: [{ value: 'y' }] })).toBe(3);
  });

  it('refuses a declared major version Brief does not read', () => {
    expect(() => detectNinjsVersion({ uri: 'urn:x', standard: { version: '4.0' } })).toThrow(ValidationError);
  });
});

describe('readNinjsItem', () => {
  it('prefers the HTML body, converted to text, to the plain-text one, and takes the main headline', async () => {
    const article = readNinjsItem({
      uri: 'urn:x',
      language: 'de-DE',
      headlines: [
        { role: 'sub', value: 'Unterzeile' },
        { role: 'main', value: 'Stadtbibliothek wird saniert' },
      ],
      bodies: [
        { contentType: 'text/plain', value: 'nur Text' },
        {
          contentType: 'text/html; charset=utf-8',
          value: `<p>${PARAGRAPH}</p><p>Zweiter &amp; letzter Absatz.</p>`,
        },
      ],
    });
    expect(article).toMatchObject({ version: 3, title: 'Stadtbibliothek wird saniert', articleId: 'urn:x' });
    expect(article.body).toMatchObject({ contentType: 'text/html', pointer: '/bodies/1/value' });
    const text = await readNinjsArticleText(article.body, {
      htmlToArticleText: inThreadCpuTasks.htmlToArticleText,
    });
    expect(text).toContain(PARAGRAPH);
    expect(text).toContain('Zweiter & letzter Absatz.');
    expect(text).not.toContain('<p>');
  });

  it('takes the first headline without a role when none is main, and a 1.x HTML body', async () => {
    const two = readNinjsItem({
      uri: 'urn:x',
      headlines: [{ value: 'Titel' }],
      bodies: [{ value: PARAGRAPH }],
    });
    expect(two.title).toBe('Titel');
    expect(two.body).toEqual({ contentType: 'text/plain', value: PARAGRAPH, pointer: '/bodies/0/value' });
    const one = readNinjsItem({ uri: 'urn:x', headline: 'Eins', body_html: `<p>${PARAGRAPH}</p>` });
    expect(one).toMatchObject({ version: 1, title: 'Eins', body: { pointer: '/body_html' } });
    const text = await readNinjsArticleText(one.body, {
      htmlToArticleText: inThreadCpuTasks.htmlToArticleText,
    });
    expect(text).toBe(PARAGRAPH);
  });
});

describe('wantsNinjs', () => {
  it('answers in ninjs for ?format=ninjs or an Accept that prefers ninjs to JSON', () => {
    expect(wantsNinjs(undefined, 'ninjs')).toBe(true);
    expect(wantsNinjs('application/ninjs+json', undefined)).toBe(true);
    expect(wantsNinjs('application/json, application/ninjs+json;q=0.8', undefined)).toBe(false);
    expect(wantsNinjs('application/ninjs+json;q=0', undefined)).toBe(false);
    expect(wantsNinjs('*/*', undefined)).toBe(false);
    expect(wantsNinjs(undefined, 'json')).toBe(false);
  });
});

describe('buildNinjsAnswer', () => {
  const input: NinjsAnswerInput = {
    source: undefined,
    summaries: {
      de: {
        headline: 'Bibliothek wird saniert',
        summary: 'Lenzbach saniert.',
        key_points: ['A < B & C', 'Zwei'],
      },
      en: {
        headline: 'Library to be renovated',
        summary: 'Lenzbach renovates.',
        key_points: [{ text: 'One' }],
      },
    },
    articleId: 'cms 42',
    requestId: 'req-1',
    model: 'claude-sonnet-4-6',
    prompt: { name: 'summarize', version: 'v2', sha256: 'ab'.repeat(32) },
    aiInfo: false,
  };

  it('makes a 3.x item for plain input, with a URI from the article id and escaped key points', () => {
    const answer = buildNinjsAnswer(input);
    expect(answer.uri).toBe('urn:brief:article:cms%2042');
    expect(ninjsSchemaErrors(answer, 3)).toEqual([]);
    expect((answer.descriptions as Array<{ value: string }>)[1]?.value).toBe(
      '<ul><li>A &lt; B &amp; C</li><li>Zwei</li></ul>',
    );
    expect(buildNinjsAnswer({ ...input, articleId: 'https://cms.example/a/42' }).uri).toBe(
      'https://cms.example/a/42',
    );
  });

  it('replaces its own English association when an answer is summarized again, and keeps every other one', () => {
    const first = buildNinjsAnswer(input);
    const photo = { name: 'photo', uri: 'urn:photo', type: 'picture' };
    const item = { ...first, associations: [photo, ...(first.associations as object[])] };
    const again = buildNinjsAnswer({
      ...input,
      source: {
        version: 3,
        item,
        body: { contentType: 'text/plain', value: '', pointer: '/bodies/0/value' },
        title: undefined,
        articleId: '',
      },
    });
    expect((again.associations as Array<{ name: string }>).map((association) => association.name)).toEqual([
      'photo',
      'summary-en',
    ]);
  });
});

import { element } from './element.js';
import { readNinjsParts } from './ninjs-parts.js';

const PARTS: Array<{ term: string; key: keyof ReturnType<typeof readNinjsParts>; lang: string }> = [
  { term: 'German summary headline', key: 'germanHeadline', lang: 'de' },
  { term: 'German summary', key: 'germanSummary', lang: 'de' },
  { term: 'English headline', key: 'englishHeadline', lang: 'en' },
  { term: 'English summary', key: 'englishSummary', lang: 'en' },
  { term: 'Digital source type', key: 'digitalSourceType', lang: 'en' },
];

/** The ninjs answer: Brief's parts named, then the whole item as indented JSON. */
export function renderNinjsAnswer(parts: HTMLElement, json: HTMLElement, answer: unknown): void {
  parts.textContent = '';
  const found = readNinjsParts(answer);
  for (const { term, key, lang } of PARTS) {
    const value = found[key];
    if (value === undefined) continue;
    const wrapper = element('div', 'ninjs-part');
    wrapper.dataset.part = key;
    const description = element('dd', null, value);
    description.lang = lang;
    wrapper.append(element('dt', null, term), description);
    parts.append(wrapper);
  }
  json.textContent = JSON.stringify(answer, null, 2);
}

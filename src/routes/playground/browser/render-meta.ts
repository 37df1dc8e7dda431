import type { SummaryMeta } from './api-types.js';
import { element } from './element.js';
import { formatCost, formatDuration, numbers } from './format.js';
import { MODE_NAMES } from './labels.js';

function metaItem(list: HTMLElement, term: string, value: string, title?: string): void {
  const wrapper = element('div', 'meta-item');
  const description = element('dd', null, value);
  if (title) {
    description.title = title;
  }
  wrapper.append(element('dt', null, term), description);
  list.append(wrapper);
}

/** The footer: how these summaries were made, as an editor reads it. */
export function renderMeta(list: HTMLElement, meta: SummaryMeta, latency: number): void {
  list.textContent = '';
  const usage = meta.usage ?? {};
  metaItem(list, 'Model', meta.model ?? '');
  metaItem(
    list,
    'Prompt',
    meta.prompt ? `${meta.prompt.name} ${meta.prompt.version}` : '—',
    meta.prompt ? `sha256 ${meta.prompt.sha256}` : '',
  );
  let tokens = `${numbers.format(usage.input_tokens ?? 0)} in · ${numbers.format(usage.output_tokens ?? 0)} out`;
  const cached = (usage.cache_read_input_tokens ?? 0) + (usage.cache_creation_input_tokens ?? 0);
  if (cached > 0) {
    tokens += ` · ${numbers.format(cached)} cached`;
  }
  metaItem(list, 'Tokens', tokens);
  if (typeof meta.cost_usd === 'number') {
    metaItem(list, 'Cost', formatCost(meta.cost_usd));
  }
  metaItem(list, 'Latency', formatDuration(latency));
  let mode = MODE_NAMES[String(meta.mode)] ?? String(meta.mode);
  if ((meta.attempts ?? 0) > 1) {
    mode += ` · ${meta.attempts} attempts`;
  }
  if (meta.cached === true) {
    mode += ' · from cache';
  }
  metaItem(list, 'Mode', mode);
  metaItem(list, 'Request ID', meta.request_id ?? '');
}

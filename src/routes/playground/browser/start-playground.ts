import {
  type ApiResult,
  createApiClient,
  problemDetail,
  problemFrom,
  unreachableProblem,
} from './api-client.js';
import { createApiKeyStore } from './api-key-store.js';
import {
  isPromptList,
  isRecord,
  isSummaryResponse,
  type Language,
  type PromptVersion,
  type SummaryResponse,
} from './api-types.js';
import { asMarkdown, asPlainText, copyText } from './copy-summary.js';
import { describeKey } from './describe-key.js';
import { element } from './element.js';
import { formatCharacterCount, formatDuration } from './format.js';
import { LANGUAGE_NAMES } from './labels.js';
import { NINJS_MEDIA_TYPE, sampleAsNinjsItem } from './ninjs-parts.js';
import { findPageElements, summaryColumn } from './page-elements.js';
import { createPlaygroundState } from './playground-state.js';
import { renderChecks } from './render-checks.js';
import { renderMeta } from './render-meta.js';
import { renderNinjsAnswer } from './render-ninjs-answer.js';
import { hideProblem, showProblem } from './render-problem.js';
import { renderPartialSummary, renderSummary, restartColumn } from './render-summary.js';
import type { StreamEvent } from './stream-summary.js';

const COPIED_FEEDBACK_MS = 2000;
const TICK_MS = 1000;
const HTTP_UNAUTHORIZED = 401;
const TEXT_LABEL = 'German article text';
const NINJS_LABEL = 'IPTC ninjs item (JSON)';
const NINJS_HELP =
  'A ninjs item of version 1, 2 or 3, as an agency or CMS sends it: Brief reads its uri, language, main headline and HTML or text body, and answers with the item, the summaries added. The server’s default prompt version applies.';
const REPAIR_REASONS: Record<string, string> = {
  'invalid-output': 'the answer did not have the required form',
  'checks-failed': 'the answer failed a fact check against the article',
};

type Tone = 'neutral' | 'busy' | 'done' | 'error';

function versionNumber(prompt: PromptVersion): number {
  return Number(String(prompt.version).replace(/\D/g, '')) || 0;
}

function isLanguage(value: string | null): value is Language {
  return value === 'en' || value === 'de';
}

/** Wires the server-rendered page to Brief's public API: samples, prompt versions, summarizing, copying. */
export function startPlayground(page: Document, browser: Window): void {
  const elements = findPageElements(page);
  const { form, textArea, sampleSelect, promptSelect, submitButton, statusLine, results } = elements;
  const state = createPlaygroundState();
  const keys = createApiKeyStore(() => browser.sessionStorage);
  const api = createApiClient({ fetch: browser.fetch.bind(browser), readKey: () => keys.read() });
  const minChars = Number(form.dataset.minChars) || 0;

  function setStatus(message: string, tone: Tone = 'neutral'): void {
    statusLine.textContent = message;
    statusLine.dataset.tone = tone;
  }

  function updateCount(): void {
    const { message, short } = formatCharacterCount(textArea.value.trim().length, minChars);
    elements.textCount.textContent = message;
    elements.textCount.classList.toggle('too-short', short);
  }

  // ---- Text | ninjs item

  const textHelp = elements.textHelp.textContent ?? '';

  function inputFormat(): 'text' | 'ninjs' {
    return elements.formatInputs.find((input) => input.checked)?.value === 'ninjs' ? 'ninjs' : 'text';
  }

  function showInputFormat(): void {
    const ninjs = inputFormat() === 'ninjs';
    elements.textLabel.textContent = ninjs ? NINJS_LABEL : TEXT_LABEL;
    elements.textHelp.textContent = ninjs ? NINJS_HELP : textHelp;
    elements.textCount.hidden = ninjs;
    textArea.classList.toggle('json-input', ninjs);
    // JSON is not German prose: no German spell-checking or hyphenation of it.
    if (ninjs) {
      textArea.removeAttribute('lang');
    } else {
      textArea.lang = 'de';
    }
    promptSelect.disabled = ninjs;
  }

  for (const input of elements.formatInputs) {
    input.addEventListener('change', () => {
      showInputFormat();
      setStatus(inputFormat() === 'ninjs' ? 'Paste a ninjs item.' : 'Paste an article.');
    });
  }

  // ---- the API key

  const SAVED_KEY_LABEL = 'API key saved for this session';

  function updateKeyStatus(): void {
    const saved = Boolean(keys.read());
    elements.keyStatus.hidden = !saved;
    elements.keyIdentity.textContent = SAVED_KEY_LABEL;
    if (saved) {
      void showKeyIdentity();
    }
  }

  /** The key's id and what is left of its budget; a key without the usage scope keeps the plain label. */
  async function showKeyIdentity(): Promise<void> {
    try {
      const result = await api.request('/v1/usage');
      const description = result.response.ok ? describeKey(result.body) : null;
      if (description && keys.read()) {
        elements.keyIdentity.textContent = description;
      }
    } catch {
      // Unreachable now: the label stays, the next summary will say more.
    }
  }

  function askForKey(detail: string, retry: () => void): void {
    const hadKey = Boolean(keys.read());
    if (hadKey) {
      keys.forget();
      updateKeyStatus();
    }
    state.pendingAction = retry;
    elements.keyReason.textContent = hadKey
      ? `Brief did not accept the saved key. ${detail}`
      : `This Brief requires an API key. ${detail}`;
    elements.keyInput.value = '';
    elements.keyInput.removeAttribute('aria-invalid');
    elements.keyPanel.hidden = false;
    elements.keyInput.focus();
  }

  elements.keyForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const key = elements.keyInput.value.trim();
    if (!key) {
      elements.keyInput.setAttribute('aria-invalid', 'true');
      elements.keyInput.focus();
      return;
    }
    keys.save(key);
    updateKeyStatus();
    elements.keyInput.value = '';
    elements.keyPanel.hidden = true;
    const action = state.pendingAction;
    state.pendingAction = null;
    if (action) {
      action();
    } else {
      textArea.focus();
    }
  });

  elements.forgetKeyButton.addEventListener('click', () => {
    keys.forget();
    updateKeyStatus();
    setStatus('The API key is forgotten.');
    textArea.focus();
  });

  // ---- prompt versions

  function describePrompt(): void {
    const chosen = state.prompts.find((prompt) => prompt.version === promptSelect.value);
    elements.promptDescription.textContent = chosen ? chosen.description : '';
  }

  function showPrompts(prompts: PromptVersion[]): void {
    state.prompts = prompts
      .filter((prompt) => prompt.name === 'summarize')
      .sort((left, right) => versionNumber(left) - versionNumber(right));
    if (state.prompts.length === 0) {
      return;
    }
    promptSelect.textContent = '';
    for (const prompt of state.prompts) {
      const notes: string[] = [];
      if (prompt.default) {
        notes.push('default');
      }
      if (prompt.evidence) {
        notes.push('key points with evidence');
      }
      if (!prompt.released) {
        notes.push('unreleased');
      }
      const option = element('option', null, prompt.version + (notes.length ? ` (${notes.join(', ')})` : ''));
      option.value = prompt.version;
      option.selected = Boolean(prompt.default);
      promptSelect.append(option);
    }
    describePrompt();
  }

  async function loadPrompts(): Promise<void> {
    try {
      const result = await api.request('/v1/prompts');
      if (result.response.status === HTTP_UNAUTHORIZED) {
        askForKey(problemDetail(result), () => void loadPrompts());
        return;
      }
      if (!result.response.ok || !isPromptList(result.body)) {
        showProblem(elements.problemBox, textArea, problemFrom(result));
        return;
      }
      showPrompts(result.body.prompts);
    } catch (error) {
      showProblem(elements.problemBox, textArea, unreachableProblem(error));
    }
  }

  promptSelect.addEventListener('change', describePrompt);

  // ---- samples and the text

  sampleSelect.addEventListener('change', () => {
    const template = sampleSelect.value ? page.getElementById(`sample-${sampleSelect.value}`) : null;
    if (!(template instanceof HTMLTemplateElement)) {
      return;
    }
    const articleText = template.content.textContent ?? '';
    textArea.value =
      inputFormat() === 'ninjs' ? sampleAsNinjsItem(sampleSelect.value, articleText) : articleText;
    textArea.removeAttribute('aria-invalid');
    updateCount();
    setStatus(`Loaded the sample "${sampleSelect.value}".`);
  });

  textArea.addEventListener('input', () => {
    updateCount();
    textArea.removeAttribute('aria-invalid');
    if (sampleSelect.value) {
      sampleSelect.value = '';
    }
  });

  textArea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void summarize();
    }
  });

  // ---- summarizing

  function render(response: SummaryResponse, latency: number): void {
    state.lastResponse = response;
    elements.ninjsAnswer.hidden = true;
    for (const language of ['en', 'de'] as const) {
      const column = summaryColumn(results, language);
      if (column) {
        renderSummary(column, response.summaries[language]);
      }
    }
    renderChecks(elements.checksBox, results, response.checks);
    renderMeta(elements.metaList, response.meta ?? {}, latency);
    elements.emptyState.hidden = true;
    elements.resultsBody.hidden = false;
  }

  function showPartial(event: StreamEvent): void {
    elements.emptyState.hidden = true;
    elements.ninjsAnswer.hidden = true;
    elements.resultsBody.hidden = false;
    for (const language of ['en', 'de'] as const) {
      const column = summaryColumn(results, language);
      if (!column) {
        continue;
      }
      if (event.type === 'repair') {
        const why = REPAIR_REASONS[event.reason] ?? event.reason;
        restartColumn(column, `Asked the model again (attempt ${event.attempt}): ${why}.`);
      } else {
        const summary = event.summaries[language];
        if (summary) {
          renderPartialSummary(column, summary);
        }
      }
    }
  }

  let cancel: AbortController | null = null;
  elements.cancelButton.addEventListener('click', () => cancel?.abort());

  function setBusy(busy: boolean): void {
    state.busy = busy;
    submitButton.disabled = busy;
    elements.cancelButton.hidden = !busy;
    for (const node of [submitButton, form, results]) {
      node.setAttribute('aria-busy', String(busy));
    }
    elements.submitLabel.textContent = busy ? 'Summarizing…' : 'Summarize';
    if (!busy && (page.activeElement === page.body || page.activeElement === null)) {
      submitButton.focus();
    }
  }

  /** One summary request: busy state, a status line, Cancel, and its answer, key prompt or problem shown. */
  async function runSummaryRequest<T>(job: {
    working: string;
    /** Count the seconds in the status line while waiting. */
    ticking: boolean;
    send: (signal: AbortSignal) => Promise<ApiResult>;
    isAnswer: (body: unknown) => body is T;
    /** Shows the answer; returns the status line that says so. */
    show: (answer: T, latencyMs: number) => string;
  }): Promise<void> {
    setBusy(true);
    const started = performance.now();
    setStatus(job.working, 'busy');
    const ticker = job.ticking
      ? browser.setInterval(() => {
          setStatus(`${job.working} ${Math.round((performance.now() - started) / TICK_MS)} s`, 'busy');
        }, TICK_MS)
      : undefined;
    cancel = new AbortController();
    const { signal } = cancel;
    try {
      const result = await job.send(signal);
      const latency = performance.now() - started;
      if (result.response.status === HTTP_UNAUTHORIZED) {
        setStatus('An API key is needed.', 'error');
        askForKey(problemDetail(result), () => void summarize());
        return;
      }
      if (!result.response.ok || !job.isAnswer(result.body)) {
        const problem = problemFrom(result);
        showProblem(elements.problemBox, textArea, problem);
        setStatus(`No summary: ${problem.title}.`, 'error');
        return;
      }
      setStatus(job.show(result.body, latency), 'done');
    } catch (error) {
      if (signal.aborted) {
        setStatus('Cancelled: the model stopped writing.', 'neutral');
        return;
      }
      showProblem(elements.problemBox, textArea, unreachableProblem(error));
      setStatus('No summary: Brief could not be reached.', 'error');
    } finally {
      cancel = null;
      if (ticker !== undefined) browser.clearInterval(ticker);
      setBusy(false);
    }
  }

  async function summarize(): Promise<void> {
    if (state.busy) {
      return;
    }
    hideProblem(elements.problemBox, textArea);
    if (inputFormat() === 'ninjs') {
      await summarizeNinjs();
      return;
    }
    const body: { text: string; prompt_version?: string } = { text: textArea.value };
    if (promptSelect.value) {
      body.prompt_version = promptSelect.value;
    }
    await runSummaryRequest({
      working: 'The model is writing both summaries…',
      ticking: true,
      send: (signal) => api.stream('/v1/summaries', { json: body, signal, onEvent: showPartial }),
      isAnswer: isSummaryResponse,
      show: (answer, latency) => {
        render(answer, latency);
        return `Done in ${formatDuration(latency)}.`;
      },
    });
  }

  /** The pasted item as `application/ninjs+json`, answered as a ninjs item (no stream: the item comes whole). */
  async function summarizeNinjs(): Promise<void> {
    await runSummaryRequest({
      working: 'The model is writing both summaries into the item…',
      ticking: false,
      send: (signal) =>
        api.request('/v1/summaries', {
          method: 'POST',
          raw: { contentType: NINJS_MEDIA_TYPE, text: textArea.value },
          accept: `${NINJS_MEDIA_TYPE}, application/problem+json`,
          signal,
        }),
      isAnswer: isRecord,
      show: (item, latency) => {
        state.lastResponse = null;
        renderNinjsAnswer(elements.ninjsParts, elements.ninjsJson, item);
        elements.emptyState.hidden = true;
        elements.resultsBody.hidden = true;
        elements.ninjsAnswer.hidden = false;
        return `Done in ${formatDuration(latency)}: the ninjs item with the summaries added.`;
      },
    });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void summarize();
  });

  // ---- copying

  results.addEventListener('click', async (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-copy]') : null;
    const language = button?.dataset.copy ?? null;
    if (!button || !state.lastResponse || !isLanguage(language)) {
      return;
    }
    const markdown = button.dataset.format === 'markdown';
    const summary = state.lastResponse.summaries[language];
    const copied = await copyText(markdown ? asMarkdown(summary) : asPlainText(summary));
    const what = `${LANGUAGE_NAMES[language]} summary${markdown ? ' as Markdown' : ' as plain text'}`;
    setStatus(
      copied ? `Copied the ${what}.` : `Could not copy the ${what}: select it and copy by hand.`,
      copied ? 'done' : 'error',
    );
    if (copied) {
      const label = button.dataset.label ?? button.textContent ?? '';
      button.dataset.label = label;
      button.textContent = 'Copied ✓';
      browser.setTimeout(() => {
        button.textContent = label;
      }, COPIED_FEEDBACK_MS);
    }
  });

  updateCount();
  showInputFormat();
  updateKeyStatus();
  void loadPrompts();
}

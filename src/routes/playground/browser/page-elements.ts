/** The elements the server-rendered page (components/playground-page.tsx) gives the script. */
export interface PageElements {
  form: HTMLFormElement;
  textArea: HTMLTextAreaElement;
  sampleSelect: HTMLSelectElement;
  promptSelect: HTMLSelectElement;
  promptDescription: HTMLElement;
  submitButton: HTMLButtonElement;
  submitLabel: HTMLElement;
  cancelButton: HTMLButtonElement;
  statusLine: HTMLElement;
  textCount: HTMLElement;
  problemBox: HTMLElement;
  results: HTMLElement;
  resultsBody: HTMLElement;
  emptyState: HTMLElement;
  checksBox: HTMLElement;
  metaList: HTMLElement;
  keyPanel: HTMLElement;
  keyForm: HTMLFormElement;
  keyInput: HTMLInputElement;
  keyReason: HTMLElement;
  keyStatus: HTMLElement;
  keyIdentity: HTMLElement;
  forgetKeyButton: HTMLButtonElement;
  textLabel: HTMLLabelElement;
  textHelp: HTMLElement;
  /** The Text | ninjs item switch. */
  formatInputs: HTMLInputElement[];
  ninjsAnswer: HTMLElement;
  ninjsParts: HTMLElement;
  ninjsJson: HTMLElement;
}

/** Fails loudly when the page and the script disagree, instead of a null error later. */
function required<Type extends Element>(
  root: ParentNode,
  selector: string,
  kind: abstract new () => Type,
): Type {
  const found = root.querySelector(selector);
  if (!(found instanceof kind)) {
    throw new Error(`The playground page has no ${kind.name} ${selector}.`);
  }
  return found;
}

export function findPageElements(root: Document): PageElements {
  const submitButton = required(root, '#summarize-button', HTMLButtonElement);
  return {
    form: required(root, '#summarize-form', HTMLFormElement),
    textArea: required(root, '#article-text', HTMLTextAreaElement),
    sampleSelect: required(root, '#sample', HTMLSelectElement),
    promptSelect: required(root, '#prompt-version', HTMLSelectElement),
    promptDescription: required(root, '#prompt-description', HTMLElement),
    submitButton,
    submitLabel: required(submitButton, '.button-label', HTMLElement),
    cancelButton: required(root, '#cancel-button', HTMLButtonElement),
    statusLine: required(root, '#status', HTMLElement),
    textCount: required(root, '#text-count', HTMLElement),
    problemBox: required(root, '#problem', HTMLElement),
    results: required(root, '#results', HTMLElement),
    resultsBody: required(root, '#results-body', HTMLElement),
    emptyState: required(root, '#empty-state', HTMLElement),
    checksBox: required(root, '#checks', HTMLElement),
    metaList: required(root, '#result-meta-list', HTMLElement),
    keyPanel: required(root, '#api-key-panel', HTMLElement),
    keyForm: required(root, '#api-key-form', HTMLFormElement),
    keyInput: required(root, '#api-key', HTMLInputElement),
    keyReason: required(root, '#api-key-reason', HTMLElement),
    keyStatus: required(root, '#key-status', HTMLElement),
    keyIdentity: required(root, '#key-identity', HTMLElement),
    forgetKeyButton: required(root, '#forget-key', HTMLButtonElement),
    textLabel: required(root, '#article-text-label', HTMLLabelElement),
    textHelp: required(root, '#text-help', HTMLElement),
    formatInputs: [...root.querySelectorAll('input[name="input_format"]')].filter(
      (input): input is HTMLInputElement => input instanceof HTMLInputElement,
    ),
    ninjsAnswer: required(root, '#ninjs-answer', HTMLElement),
    ninjsParts: required(root, '#ninjs-parts', HTMLElement),
    ninjsJson: required(root, '#ninjs-json code', HTMLElement),
  };
}

/** One language's column of the results. */
export function summaryColumn(results: HTMLElement, language: string): HTMLElement | null {
  return results.querySelector<HTMLElement>(`[data-language="${language.replace(/"/g, '')}"]`);
}

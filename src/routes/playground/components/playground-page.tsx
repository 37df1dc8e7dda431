import type { PlaygroundSample } from '../playground-sample.js';
import { SummaryColumn } from './summary-column.js';

export interface PlaygroundPageProps {
  samples: PlaygroundSample[];
  minTextChars: number;
  maxTextChars: number;
  scriptUrl: string;
  stylesUrl: string;
  iconUrl: string;
}

/** The editors' page. Everything dynamic is done by the script at `scriptUrl`, against the public API. */
export function PlaygroundPage(props: PlaygroundPageProps) {
  const { samples, minTextChars, maxTextChars } = props;
  const formatted = (value: number) => value.toLocaleString('en');
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>Brief · Playground</title>
        <link rel="icon" type="image/svg+xml" href={props.iconUrl} />
        <link rel="stylesheet" href={props.stylesUrl} />
        <script src={props.scriptUrl} defer></script>
      </head>
      <body>
        <a class="skip-link" href="#article-text">
          Skip to the article text
        </a>
        <header class="site-header">
          <div class="site-header-inner">
            <p class="brand">
              <span class="brand-mark" aria-hidden="true">
                B
              </span>
              <span class="brand-name">Brief</span>
              <span class="brand-tag">Playground</span>
            </p>
            <div id="key-status" class="key-status" hidden>
              <span id="key-identity">API key saved for this session</span>
              <button type="button" id="forget-key" class="button link">
                Forget key
              </button>
            </div>
          </div>
        </header>

        <main id="main" class="page">
          <section class="card input-card" aria-labelledby="page-heading">
            <h1 id="page-heading">Summarize a German article</h1>
            <p class="lead">
              Paste an article or pick a sample. Brief writes a headline, a summary and key points in English
              and German, and checks them against the text.
            </p>
            <noscript>
              <p class="notice">The playground needs JavaScript. The API works without it: see the README.</p>
            </noscript>
            <form
              id="summarize-form"
              method="post"
              novalidate
              data-min-chars={String(minTextChars)}
              data-max-chars={String(maxTextChars)}
            >
              <div class="form-row">
                <div class="field">
                  <label for="sample">Sample article</label>
                  <select id="sample" name="sample">
                    <option value="">None: paste your own text</option>
                    {samples.map((sample) => (
                      <option value={sample.slug}>
                        {sample.slug} · {sample.title}
                      </option>
                    ))}
                  </select>
                </div>
                <div class="field">
                  <label for="prompt-version">Prompt version</label>
                  <select id="prompt-version" name="prompt_version" aria-describedby="prompt-description">
                    <option value="">Server default</option>
                  </select>
                  <p id="prompt-description" class="field-help"></p>
                </div>
              </div>
              <fieldset class="input-format">
                <legend>Input</legend>
                <label>
                  <input type="radio" name="input_format" value="text" checked /> Text
                </label>
                <label>
                  <input type="radio" name="input_format" value="ninjs" /> ninjs item
                </label>
              </fieldset>
              <div class="field">
                <label for="article-text" id="article-text-label">
                  German article text
                </label>
                <textarea
                  id="article-text"
                  name="text"
                  lang="de"
                  rows={12}
                  spellcheck={false}
                  aria-describedby="text-help text-count"
                ></textarea>
                <div class="field-help split">
                  <span id="text-help">
                    Plain text, paragraphs separated by blank lines: {formatted(minTextChars)} to{' '}
                    {formatted(maxTextChars)} characters.
                  </span>
                  <span id="text-count" class="text-count">
                    0 characters
                  </span>
                </div>
              </div>
              <div class="actions">
                <button type="submit" id="summarize-button" class="button primary">
                  <span class="spinner" aria-hidden="true"></span>
                  <span class="button-label">Summarize</span>
                </button>
                <button type="button" id="cancel-button" class="button secondary" hidden>
                  Cancel
                </button>
                <span class="shortcut" aria-hidden="true">
                  or <kbd>Ctrl</kbd> + <kbd>Enter</kbd>
                </span>
                <p id="status" class="status" role="status"></p>
              </div>
            </form>
          </section>

          <section id="api-key-panel" class="card key-panel" aria-labelledby="api-key-heading" hidden>
            <h2 id="api-key-heading">API key required</h2>
            <p id="api-key-reason"></p>
            <form id="api-key-form" class="key-form" novalidate>
              <div class="field">
                <label for="api-key">API key</label>
                <input
                  id="api-key"
                  name="api_key"
                  type="password"
                  autocomplete="off"
                  spellcheck={false}
                  aria-describedby="api-key-help"
                />
              </div>
              <button type="submit" class="button primary">
                Use this key
              </button>
            </form>
            <p id="api-key-help" class="field-help">
              Kept only in this tab's session storage and sent to this Brief as a bearer token. Closing the
              tab forgets it.
            </p>
          </section>

          <div id="problem" class="problem" role="alert" tabindex={-1} hidden></div>

          <section id="results" class="results" aria-labelledby="results-heading" aria-busy="false">
            <h2 id="results-heading" class="visually-hidden">
              Summaries
            </h2>
            <p id="empty-state" class="empty-state">
              The English and German summaries appear here, side by side.
            </p>
            <div id="results-body" hidden>
              <div id="checks" class="checks" hidden></div>
              <div class="columns">
                <SummaryColumn language="en" name="English" />
                <SummaryColumn language="de" name="German" />
              </div>
              <footer id="result-meta" class="result-meta">
                <h3 class="visually-hidden">How these summaries were made</h3>
                <dl id="result-meta-list"></dl>
              </footer>
            </div>
            <div id="ninjs-answer" class="ninjs-answer card" hidden>
              <h3>ninjs answer</h3>
              <p class="field-help">
                The item as sent, every member kept, with what Brief added: the German summary headline,
                summary and key points, and the English summary as an associated item, labelled as
                machine-generated.
              </p>
              <dl id="ninjs-parts" class="ninjs-parts"></dl>
              <pre id="ninjs-json" class="ninjs-json" tabindex={0}>
                <code></code>
              </pre>
            </div>
          </section>
        </main>

        <footer class="site-footer">
          <p>
            Summaries are machine-written. Check names, figures and quotations against the article before
            publishing.
          </p>
        </footer>

        {samples.map((sample) => (
          <template id={`sample-${sample.slug}`} lang="de">
            {sample.text}
          </template>
        ))}
      </body>
    </html>
  );
}

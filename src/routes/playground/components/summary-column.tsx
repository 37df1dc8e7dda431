export interface SummaryColumnProps {
  language: 'en' | 'de';
  name: string;
}

/**
 * One language's summary, filled in by the page script. `data-field` names match the `field` of a
 * check failure (`headline`, `summary`, `key_points[2]`, `key_points[2].evidence`), so a warning
 * lands next to the text it is about. The column carries the summary's `lang`; its controls are English.
 */
export function SummaryColumn({ language, name }: SummaryColumnProps) {
  const headingId = `summary-${language}-heading`;
  return (
    <section class="summary-column card" lang={language} data-language={language} aria-labelledby={headingId}>
      <header class="column-header" lang="en">
        <h3 id={headingId}>
          {name} <span class="language-code">{language.toUpperCase()}</span>
        </h3>
        <fieldset class="copy-buttons">
          <legend class="visually-hidden">Copy the {name} summary</legend>
          <button type="button" class="button secondary" data-copy={language} data-format="text" disabled>
            Copy text
          </button>
          <button type="button" class="button secondary" data-copy={language} data-format="markdown" disabled>
            Copy Markdown
          </button>
        </fieldset>
      </header>
      <div class="column-warnings" data-warnings hidden></div>
      <h4 class="field-label" lang="en">
        Headline
      </h4>
      <p class="headline" data-field="headline"></p>
      <h4 class="field-label" lang="en">
        Summary
      </h4>
      <p class="summary-text" data-field="summary"></p>
      <h4 class="field-label" lang="en">
        Key points
      </h4>
      <ol class="key-points" data-key-points></ol>
    </section>
  );
}

/** The playground's stylesheet, served by Brief at `/playground.css`. System fonts only. */
export const playgroundStyles = `:root {
  color-scheme: light dark;
  --background: #f4f5f7;
  --surface: #ffffff;
  --surface-muted: #f8f9fb;
  --text: #1b2330;
  --muted: #5a6474;
  --border: #d8dde5;
  --accent: #1d4ed8;
  --accent-hover: #1e40af;
  --accent-soft: #e8eefc;
  --focus: #2563eb;
  --ok: #166534;
  --ok-soft: #e7f5ec;
  --warn: #854d0e;
  --warn-soft: #fef6e0;
  --warn-border: #e9b949;
  --danger: #b42318;
  --danger-soft: #fdeceb;
  --danger-border: #f1aca6;
  --radius: 10px;
  --shadow: 0 1px 2px rgb(16 24 40 / 6%), 0 1px 3px rgb(16 24 40 / 8%);
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif;
  --serif: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "DejaVu Serif", serif;
  --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace;
}

@media (prefers-color-scheme: dark) {
  :root {
    --background: #12161c;
    --surface: #1a2029;
    --surface-muted: #161b23;
    --text: #e6e9ef;
    --muted: #9aa4b2;
    --border: #313a47;
    --accent: #7aa2ff;
    --accent-hover: #9dbbff;
    --accent-soft: #1f2a44;
    --focus: #9dbbff;
    --ok: #7ddc9f;
    --ok-soft: #15291d;
    --warn: #f5c75a;
    --warn-soft: #2c2412;
    --warn-border: #8a6a1f;
    --danger: #ff9b91;
    --danger-soft: #35191a;
    --danger-border: #7a3430;
    --shadow: none;
  }
}

*, *::before, *::after { box-sizing: border-box; }

html { font-size: 100%; }

body {
  margin: 0;
  background: var(--background);
  color: var(--text);
  font-family: var(--sans);
  font-size: 1rem;
  line-height: 1.5;
  -webkit-font-smoothing: antialiased;
}

h1, h2, h3, h4 { line-height: 1.25; margin: 0; }

:focus-visible {
  outline: 3px solid var(--focus);
  outline-offset: 2px;
}

[hidden] { display: none !important; }

.visually-hidden {
  position: absolute !important;
  width: 1px;
  height: 1px;
  padding: 0;
  margin: -1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
  border: 0;
}

.skip-link {
  position: absolute;
  left: 1rem;
  top: -3rem;
  z-index: 10;
  padding: 0.5rem 0.75rem;
  background: var(--accent);
  color: #fff;
  border-radius: 6px;
  text-decoration: none;
}
.skip-link:focus { top: 0.75rem; }

/* ---- header and footer */

.site-header {
  background: var(--surface);
  border-bottom: 1px solid var(--border);
}
.site-header-inner, .page, .site-footer {
  max-width: 1240px;
  margin: 0 auto;
  padding-left: 1.5rem;
  padding-right: 1.5rem;
}
.site-header-inner {
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 1rem;
  min-height: 3.5rem;
}
.brand {
  display: flex;
  align-items: center;
  gap: 0.6rem;
  margin: 0;
  font-weight: 650;
  font-size: 1.1rem;
}
.brand-mark {
  display: inline-grid;
  place-items: center;
  width: 1.9rem;
  height: 1.9rem;
  border-radius: 7px;
  background: var(--accent);
  color: #fff;
  font-family: var(--serif);
  font-weight: 700;
}
.brand-tag {
  padding: 0.1rem 0.5rem;
  border-radius: 999px;
  background: var(--accent-soft);
  color: var(--accent);
  font-size: 0.75rem;
  font-weight: 600;
  letter-spacing: 0.02em;
  text-transform: uppercase;
}
.key-status {
  display: flex;
  align-items: center;
  gap: 0.5rem;
  color: var(--muted);
  font-size: 0.875rem;
}

.site-footer {
  padding-top: 1rem;
  padding-bottom: 2.5rem;
  color: var(--muted);
  font-size: 0.875rem;
}
.site-footer p { margin: 0; }

/* ---- layout */

.page {
  display: grid;
  gap: 1.25rem;
  padding-top: 1.5rem;
  padding-bottom: 1.5rem;
}

.card {
  background: var(--surface);
  border: 1px solid var(--border);
  border-radius: var(--radius);
  box-shadow: var(--shadow);
  padding: 1.5rem;
}

.input-card h1 { font-size: 1.4rem; }
.lead { margin: 0.35rem 0 1.25rem; color: var(--muted); max-width: 70ch; }
.notice { padding: 0.75rem 1rem; border-radius: 8px; background: var(--warn-soft); color: var(--warn); }

/* ---- form */

.form-row {
  display: grid;
  grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
  gap: 1rem;
}
.field { display: grid; gap: 0.35rem; margin-bottom: 1rem; align-content: start; }
label { font-weight: 600; font-size: 0.9rem; }

select, textarea, input {
  width: 100%;
  font: inherit;
  color: inherit;
  background: var(--surface);
  border: 1px solid var(--border);
  border-radius: 8px;
  padding: 0.55rem 0.7rem;
}
select { cursor: pointer; }
textarea {
  min-height: 16rem;
  resize: vertical;
  font-family: var(--serif);
  font-size: 1rem;
  line-height: 1.55;
}
select:hover, textarea:hover, input:hover { border-color: var(--muted); }
select:focus-visible, textarea:focus-visible, input:focus-visible {
  outline: 3px solid var(--focus);
  outline-offset: 0;
  border-color: var(--focus);
}
[aria-invalid="true"] { border-color: var(--danger); box-shadow: 0 0 0 1px var(--danger); }

.field-help { margin: 0; color: var(--muted); font-size: 0.85rem; }
.field-help:empty { display: none; }
.field-help.split { display: flex; justify-content: space-between; gap: 1rem; flex-wrap: wrap; }
.text-count { font-variant-numeric: tabular-nums; }
.text-count.too-short { color: var(--danger); font-weight: 600; }

.actions {
  display: flex;
  align-items: center;
  flex-wrap: wrap;
  gap: 0.75rem 1rem;
}
.shortcut { color: var(--muted); font-size: 0.85rem; }
kbd {
  font-family: var(--mono);
  font-size: 0.8em;
  padding: 0.05rem 0.35rem;
  border: 1px solid var(--border);
  border-bottom-width: 2px;
  border-radius: 4px;
  background: var(--surface-muted);
}
.status { margin: 0 0 0 auto; color: var(--muted); font-size: 0.9rem; }
.status[data-tone="done"] { color: var(--ok); }
.status[data-tone="error"] { color: var(--danger); }

/* ---- buttons */

.button {
  display: inline-flex;
  align-items: center;
  gap: 0.5rem;
  font: inherit;
  font-weight: 600;
  border-radius: 8px;
  border: 1px solid transparent;
  cursor: pointer;
}
.button.primary {
  padding: 0.6rem 1.25rem;
  background: var(--accent);
  color: #fff;
}
.button.primary:hover:not(:disabled) { background: var(--accent-hover); }
.button.secondary {
  padding: 0.3rem 0.65rem;
  font-size: 0.8rem;
  background: var(--surface);
  color: var(--text);
  border-color: var(--border);
}
.button.secondary:hover:not(:disabled) { border-color: var(--accent); color: var(--accent); }
.button.link {
  padding: 0.2rem 0.3rem;
  background: none;
  color: var(--accent);
  text-decoration: underline;
  font-weight: 500;
}
.button:disabled { cursor: not-allowed; opacity: 0.6; }

@media (prefers-color-scheme: dark) {
  .button.primary { color: #0b1220; }
  .brand-mark { color: #0b1220; }
}

.spinner {
  display: none;
  width: 1rem;
  height: 1rem;
  border: 2px solid currentColor;
  border-right-color: transparent;
  border-radius: 50%;
  animation: spin 0.8s linear infinite;
}
.button[aria-busy="true"] .spinner { display: inline-block; }
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) {
  .spinner { animation-duration: 3s; }
}

/* ---- API key and problems */

.key-panel { border-color: var(--accent); }
.key-panel h2 { font-size: 1.1rem; }
.key-panel > p { margin: 0.4rem 0 0.9rem; }
.key-form { display: flex; align-items: end; gap: 0.75rem; flex-wrap: wrap; }
.key-form .field { margin: 0; flex: 1 1 18rem; }

.problem {
  padding: 1rem 1.25rem;
  border: 1px solid var(--danger-border);
  border-left: 5px solid var(--danger);
  border-radius: var(--radius);
  background: var(--danger-soft);
}
.problem:focus { outline: none; }
.problem-title { font-size: 1.05rem; color: var(--danger); }
.problem p, .problem ul { margin: 0.35rem 0 0; }
.problem ul { padding-left: 1.25rem; }
.problem-request-id { color: var(--muted); font-size: 0.85rem; }
code { font-family: var(--mono); font-size: 0.85em; }

/* ---- results */

.results[aria-busy="true"] .columns { opacity: 0.55; transition: opacity 0.2s; }
.empty-state {
  margin: 0;
  padding: 2rem 1rem;
  border: 2px dashed var(--border);
  border-radius: var(--radius);
  color: var(--muted);
  text-align: center;
}

.checks {
  margin-bottom: 1rem;
  padding: 0.7rem 1rem;
  border-radius: var(--radius);
  border: 1px solid var(--border);
  font-weight: 600;
}
.checks p { margin: 0; }
.checks.passed { background: var(--ok-soft); color: var(--ok); border-color: transparent; }
.checks.failed { background: var(--warn-soft); color: var(--warn); border-color: var(--warn-border); }

.columns {
  display: grid;
  grid-template-columns: repeat(2, minmax(0, 1fr));
  gap: 1.25rem;
  align-items: start;
}

.summary-column { padding: 1.25rem 1.5rem 1.5rem; }
.column-header {
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 0.75rem;
  flex-wrap: wrap;
  padding-bottom: 0.75rem;
  margin-bottom: 1rem;
  border-bottom: 1px solid var(--border);
}
.column-header h3 { font-size: 1rem; display: flex; align-items: center; gap: 0.5rem; }
.language-code {
  padding: 0.05rem 0.4rem;
  border-radius: 4px;
  background: var(--surface-muted);
  border: 1px solid var(--border);
  color: var(--muted);
  font-size: 0.7rem;
  font-weight: 700;
  letter-spacing: 0.05em;
}
.copy-buttons { display: flex; gap: 0.4rem; margin: 0; padding: 0; border: 0; min-width: 0; }

.field-label {
  margin: 1.1rem 0 0.3rem;
  color: var(--muted);
  font-size: 0.72rem;
  font-weight: 700;
  letter-spacing: 0.08em;
  text-transform: uppercase;
}
.column-header + .column-warnings + .field-label,
.column-header + .field-label { margin-top: 0; }

.headline {
  margin: 0;
  font-family: var(--serif);
  font-size: 1.45rem;
  font-weight: 700;
  line-height: 1.25;
}
.summary-text {
  margin: 0;
  font-family: var(--serif);
  font-size: 1.05rem;
  line-height: 1.6;
}

.key-points { margin: 0; padding-left: 1.4rem; display: grid; gap: 0.75rem; }
.key-point::marker { color: var(--muted); font-weight: 600; }
.key-point-text { margin: 0; }

.evidence {
  margin: 0.4rem 0 0;
  padding: 0.45rem 0.7rem;
  border-left: 3px solid var(--border);
  background: var(--surface-muted);
  border-radius: 0 6px 6px 0;
  font-size: 0.875rem;
}
.evidence blockquote { margin: 0; font-family: var(--serif); font-style: italic; color: var(--muted); }
.evidence blockquote::before { content: "„"; }
.evidence blockquote::after { content: "“"; }
.evidence figcaption { margin-top: 0.3rem; }

.badge {
  display: inline-block;
  padding: 0.05rem 0.5rem;
  border-radius: 999px;
  font-size: 0.75rem;
  font-weight: 600;
}
.badge.verified { background: var(--ok-soft); color: var(--ok); }
.badge.unverified { background: var(--warn-soft); color: var(--warn); }

.has-warning {
  background: var(--warn-soft);
  box-shadow: 0 0 0 5px var(--warn-soft), 0 0 0 6px var(--warn-border);
  border-radius: 3px;
}
.has-warning + .warning { margin-top: 0.6rem; }
mark.flagged {
  background: transparent;
  color: inherit;
  text-decoration: underline wavy var(--warn-border);
  text-decoration-thickness: 2px;
  text-underline-offset: 3px;
}
.warning {
  margin: 0.35rem 0 0;
  padding: 0.35rem 0.6rem;
  border-radius: 6px;
  background: var(--warn-soft);
  color: var(--warn);
  font-family: var(--sans);
  font-size: 0.85rem;
  font-style: normal;
  font-weight: 400;
}
.column-warnings { margin-bottom: 0.75rem; }

.result-meta {
  margin-top: 1.25rem;
  padding: 0.9rem 1.25rem;
  border: 1px solid var(--border);
  border-radius: var(--radius);
  background: var(--surface);
}
.result-meta dl {
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem 2rem;
  margin: 0;
}
.meta-item { min-width: 0; }
.meta-item dt {
  color: var(--muted);
  font-size: 0.7rem;
  font-weight: 700;
  letter-spacing: 0.08em;
  text-transform: uppercase;
}
.meta-item dd { margin: 0; font-variant-numeric: tabular-nums; font-size: 0.9rem; overflow-wrap: anywhere; }

@media (max-width: 860px) {
  .form-row, .columns { grid-template-columns: minmax(0, 1fr); }
  .status { margin-left: 0; flex-basis: 100%; }
}

@media print {
  .site-header, .input-card, .copy-buttons, .site-footer, .key-panel { display: none; }
  .card { box-shadow: none; }
}
`;

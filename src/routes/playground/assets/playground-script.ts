/**
 * The playground's browser script: plain ES2020, no build step, served by Brief at `/playground.js`.
 * It only talks to the public API (`/v1/prompts`, `/v1/summaries`), exactly as any client would.
 * Written without template literals so it can live in this string unchanged.
 */
export const playgroundScript = String.raw`'use strict';
(function () {
  var KEY_STORAGE = 'brief.playground.apiKey';
  var LANGUAGE_NAMES = { en: 'English', de: 'German' };
  var CHECK_NAMES = {
    figures: 'Figure',
    quotations: 'Quotation',
    names: 'Name',
    language: 'Language',
    limits: 'Length',
    evidence: 'Evidence'
  };
  var FIELD_NAMES = { '/text': 'Article text', '/prompt_version': 'Prompt version', '': 'Request' };
  var MODE_NAMES = { replay: 'Replay (recorded answer)', live: 'Live', record: 'Live (recording)' };
  var COPIED_FEEDBACK_MS = 2000;

  var byId = function (id) { return document.getElementById(id); };
  var form = byId('summarize-form');
  var textArea = byId('article-text');
  var sampleSelect = byId('sample');
  var promptSelect = byId('prompt-version');
  var promptDescription = byId('prompt-description');
  var submitButton = byId('summarize-button');
  var submitLabel = submitButton.querySelector('.button-label');
  var statusLine = byId('status');
  var textCount = byId('text-count');
  var problemBox = byId('problem');
  var results = byId('results');
  var resultsBody = byId('results-body');
  var emptyState = byId('empty-state');
  var checksBox = byId('checks');
  var metaList = byId('result-meta-list');
  var keyPanel = byId('api-key-panel');
  var keyForm = byId('api-key-form');
  var keyInput = byId('api-key');
  var keyReason = byId('api-key-reason');
  var keyStatus = byId('key-status');
  var forgetKeyButton = byId('forget-key');

  var minChars = Number(form.getAttribute('data-min-chars')) || 0;
  var numbers = new Intl.NumberFormat('en');
  var busy = false;
  var lastResponse = null;
  var pendingAction = null;
  var prompts = [];

  // Session storage only: the key dies with the tab. It is never put in the page or a URL.
  function storedKey() {
    try { return window.sessionStorage.getItem(KEY_STORAGE); } catch (error) { return null; }
  }
  function storeKey(key) {
    try { window.sessionStorage.setItem(KEY_STORAGE, key); } catch (error) { /* storage off: key unused */ }
    updateKeyStatus();
  }
  function forgetKey() {
    try { window.sessionStorage.removeItem(KEY_STORAGE); } catch (error) { /* nothing stored */ }
    updateKeyStatus();
  }
  function updateKeyStatus() {
    keyStatus.hidden = !storedKey();
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function setStatus(message, tone) {
    statusLine.textContent = message;
    statusLine.setAttribute('data-tone', tone || 'neutral');
  }

  function updateCount() {
    var length = textArea.value.trim().length;
    var message = numbers.format(length) + (length === 1 ? ' character' : ' characters');
    var short = length > 0 && length < minChars;
    if (short) { message += ' · at least ' + numbers.format(minChars) + ' needed'; }
    textCount.textContent = message;
    textCount.classList.toggle('too-short', short);
  }

  function seconds(milliseconds) {
    if (milliseconds < 1000) { return Math.max(1, Math.round(milliseconds)) + ' ms'; }
    return (milliseconds / 1000).toFixed(milliseconds < 10000 ? 1 : 0) + ' s';
  }

  // ---- talking to the API

  function callApi(path, init) {
    init = init || {};
    var headers = new Headers(init.headers || {});
    headers.set('accept', 'application/json, application/problem+json');
    var key = storedKey();
    if (key) { headers.set('authorization', 'Bearer ' + key); }
    return fetch(path, { method: init.method || 'GET', headers: headers, body: init.body, credentials: 'same-origin' })
      .then(function (response) {
        var type = response.headers.get('content-type') || '';
        var read = type.indexOf('json') >= 0
          ? response.json().catch(function () { return null; })
          : response.text().then(function () { return null; });
        return read.then(function (body) { return { response: response, body: body }; });
      });
  }

  function problemFrom(result) {
    var body = result.body && typeof result.body === 'object' ? result.body : {};
    var response = result.response;
    return {
      title: typeof body.title === 'string' ? body.title : 'Brief answered with HTTP ' + response.status,
      detail: typeof body.detail === 'string'
        ? body.detail
        : 'The answer was not a problem document (' + (response.statusText || 'no details') + ').',
      status: response.status,
      errors: Array.isArray(body.errors) ? body.errors : [],
      // Strict mode: the failed checks come with the 502.
      checkFailures: body.checks && Array.isArray(body.checks.failures) ? body.checks.failures : [],
      requestId: typeof body.request_id === 'string' && body.request_id
        ? body.request_id
        : response.headers.get('x-request-id'),
      retryAfter: response.headers.get('retry-after')
    };
  }

  function unreachableProblem(error) {
    return {
      title: 'Brief could not be reached',
      detail: 'The request got no answer (' + (error && error.message ? error.message : 'network error') +
        '). Check that Brief is running and try again.',
      errors: [],
      checkFailures: [],
      requestId: null,
      retryAfter: null
    };
  }

  // ---- problems

  function hideProblem() {
    problemBox.hidden = true;
    problemBox.textContent = '';
    textArea.removeAttribute('aria-invalid');
  }

  function showProblem(problem) {
    problemBox.textContent = '';
    var heading = element('h2', 'problem-title', problem.title);
    problemBox.appendChild(heading);
    problemBox.appendChild(element('p', 'problem-detail', problem.detail));
    if (problem.errors.length > 0) {
      var list = element('ul', 'problem-errors');
      problem.errors.forEach(function (issue) {
        var item = element('li');
        var pointer = typeof issue.pointer === 'string' ? issue.pointer : '';
        item.appendChild(element('strong', null, FIELD_NAMES[pointer] || pointer));
        item.appendChild(document.createTextNode(' ' + (issue.detail || '')));
        list.appendChild(item);
        if (pointer === '/text') { textArea.setAttribute('aria-invalid', 'true'); }
      });
      problemBox.appendChild(list);
    }
    if (problem.checkFailures.length > 0) {
      var failures = element('ul', 'problem-checks');
      problem.checkFailures.forEach(function (failure) {
        var item = element('li');
        item.appendChild(element('strong', null, (CHECK_NAMES[failure.check] || failure.check) + ' check, ' +
          (LANGUAGE_NAMES[failure.language] || failure.language) + ' ' + failure.field + ': '));
        if (failure.text) {
          var quoted = element('q', null, failure.text);
          quoted.setAttribute('lang', failure.language === 'de' ? 'de' : 'en');
          item.appendChild(quoted);
          item.appendChild(document.createTextNode(' '));
        }
        item.appendChild(document.createTextNode(failure.detail || ''));
        failures.appendChild(item);
      });
      problemBox.appendChild(failures);
    }
    if (problem.retryAfter) {
      problemBox.appendChild(element('p', 'problem-retry', 'Try again in ' + problem.retryAfter + ' seconds.'));
    }
    if (problem.requestId) {
      var reference = element('p', 'problem-request-id', 'Request ID: ');
      reference.appendChild(element('code', null, problem.requestId));
      problemBox.appendChild(reference);
    }
    problemBox.hidden = false;
  }

  // ---- the API key

  function askForKey(result, retry) {
    var hadKey = Boolean(storedKey());
    if (hadKey) { forgetKey(); }
    pendingAction = retry;
    var detail = result.body && typeof result.body.detail === 'string' ? result.body.detail : '';
    keyReason.textContent = hadKey
      ? 'Brief did not accept the saved key. ' + detail
      : 'This Brief requires an API key. ' + detail;
    keyInput.value = '';
    keyInput.removeAttribute('aria-invalid');
    keyPanel.hidden = false;
    keyInput.focus();
  }

  keyForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var key = keyInput.value.trim();
    if (!key) {
      keyInput.setAttribute('aria-invalid', 'true');
      keyInput.focus();
      return;
    }
    storeKey(key);
    keyInput.value = '';
    keyPanel.hidden = true;
    var action = pendingAction;
    pendingAction = null;
    if (action) { action(); } else { textArea.focus(); }
  });

  forgetKeyButton.addEventListener('click', function () {
    forgetKey();
    setStatus('The API key is forgotten.');
    textArea.focus();
  });

  // ---- prompt versions

  function versionNumber(prompt) { return Number(String(prompt.version).replace(/\D/g, '')) || 0; }

  function describePrompt() {
    var chosen = prompts.filter(function (prompt) { return prompt.version === promptSelect.value; })[0];
    promptDescription.textContent = chosen ? chosen.description : '';
  }

  function loadPrompts() {
    return callApi('/v1/prompts').then(function (result) {
      if (result.response.status === 401) { askForKey(result, loadPrompts); return; }
      if (!result.response.ok || !result.body || !Array.isArray(result.body.prompts)) {
        showProblem(problemFrom(result));
        return;
      }
      prompts = result.body.prompts
        .filter(function (prompt) { return prompt.name === 'summarize'; })
        .sort(function (left, right) { return versionNumber(left) - versionNumber(right); });
      if (prompts.length === 0) { return; }
      promptSelect.textContent = '';
      prompts.forEach(function (prompt) {
        var notes = [];
        if (prompt.default) { notes.push('default'); }
        if (prompt.evidence) { notes.push('key points with evidence'); }
        if (!prompt.released) { notes.push('unreleased'); }
        var label = prompt.version + (notes.length ? ' (' + notes.join(', ') + ')' : '');
        var option = element('option', null, label);
        option.value = prompt.version;
        option.selected = Boolean(prompt.default);
        promptSelect.appendChild(option);
      });
      describePrompt();
    }, function (error) {
      showProblem(unreachableProblem(error));
    });
  }

  promptSelect.addEventListener('change', describePrompt);

  // ---- samples

  sampleSelect.addEventListener('change', function () {
    var template = sampleSelect.value ? byId('sample-' + sampleSelect.value) : null;
    if (!template) { return; }
    textArea.value = template.content.textContent;
    textArea.removeAttribute('aria-invalid');
    updateCount();
    setStatus('Loaded the sample "' + sampleSelect.value + '".');
  });

  textArea.addEventListener('input', function () {
    updateCount();
    textArea.removeAttribute('aria-invalid');
    if (sampleSelect.value) { sampleSelect.value = ''; }
  });

  textArea.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      summarize();
    }
  });

  // ---- rendering a response

  function keyPointText(point) { return typeof point === 'string' ? point : point.text; }

  function renderColumn(language, summary) {
    var column = results.querySelector('[data-language="' + language + '"]');
    column.querySelectorAll('.has-warning').forEach(function (node) { node.classList.remove('has-warning'); });
    column.querySelectorAll('.warning').forEach(function (node) { node.remove(); });
    var columnWarnings = column.querySelector('[data-warnings]');
    columnWarnings.hidden = true;
    column.querySelector('[data-field="headline"]').textContent = summary.headline;
    column.querySelector('[data-field="summary"]').textContent = summary.summary;
    var list = column.querySelector('[data-key-points]');
    list.textContent = '';
    summary.key_points.forEach(function (point, index) {
      var item = element('li', 'key-point');
      item.setAttribute('data-field', 'key_points[' + index + ']');
      item.appendChild(element('p', 'key-point-text', keyPointText(point)));
      if (typeof point === 'object' && point !== null && typeof point.evidence === 'string') {
        var evidence = element('figure', 'evidence');
        evidence.setAttribute('data-field', 'key_points[' + index + '].evidence');
        var quote = element('blockquote', null, point.evidence);
        quote.setAttribute('lang', 'de');
        evidence.appendChild(quote);
        var caption = element('figcaption');
        caption.setAttribute('lang', 'en');
        var verified = point.evidence_verified === true;
        var badge = element('span', 'badge ' + (verified ? 'verified' : 'unverified'),
          verified ? '✓ Verified in the article' : '⚠ Not found in the article');
        caption.appendChild(badge);
        evidence.appendChild(caption);
        item.appendChild(evidence);
      }
      list.appendChild(item);
    });
    column.querySelectorAll('[data-copy]').forEach(function (button) { button.disabled = false; });
  }

  // The text a field shows, without any warning already added to it.
  function contentOf(target) {
    if (!target) { return null; }
    if (target.tagName === 'P') { return target; }
    return target.querySelector('blockquote, .key-point-text');
  }

  // Marks the first occurrence of the offending text inside the field, when it is only part of it.
  function highlight(content, text) {
    if (!content || !text || content.textContent.trim() === text.trim()) { return false; }
    var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentNode.tagName === 'MARK') { continue; }
      var index = node.data.indexOf(text);
      if (index >= 0) {
        var match = node.splitText(index);
        match.splitText(text.length);
        var mark = element('mark', 'flagged');
        match.parentNode.replaceChild(mark, match);
        mark.appendChild(match);
        return true;
      }
    }
    return false;
  }

  // The offending text is marked in the field itself; it is quoted only where it could not be.
  function warningNode(failure, shownInField) {
    var note = element('p', 'warning');
    note.setAttribute('lang', 'en');
    note.appendChild(element('strong', null, (CHECK_NAMES[failure.check] || failure.check) + ' check: '));
    if (failure.text && !shownInField) {
      var quoted = element('q', null, failure.text);
      quoted.setAttribute('lang', failure.language === 'de' ? 'de' : 'en');
      note.appendChild(quoted);
      note.appendChild(document.createTextNode(' '));
    }
    note.appendChild(document.createTextNode(failure.detail || ''));
    return note;
  }

  function renderChecks(checks) {
    checksBox.textContent = '';
    checksBox.className = 'checks';
    if (!checks || !Array.isArray(checks.failures)) { checksBox.hidden = true; return; }
    var failures = checks.failures;
    if (checks.passed && failures.length === 0) {
      checksBox.classList.add('passed');
      checksBox.appendChild(element('p', null, '✓ All fact checks passed: figures, quotations, names, language and lengths agree with the article.'));
    } else {
      checksBox.classList.add('failed');
      checksBox.appendChild(element('p', null, '⚠ ' + failures.length +
        (failures.length === 1 ? ' check warning' : ' check warnings') +
        ': review the highlighted passages before publishing.'));
    }
    checksBox.hidden = false;
    failures.forEach(function (failure) {
      var column = results.querySelector('[data-language="' + failure.language + '"]');
      if (!column) { return; }
      var target = column.querySelector('[data-field="' + String(failure.field).replace(/"/g, '') + '"]');
      var content = contentOf(target);
      var wholeField = Boolean(content && failure.text && content.textContent.trim() === failure.text.trim());
      var shownInField = wholeField || highlight(content, failure.text);
      var note = warningNode(failure, shownInField);
      if (target) {
        target.classList.add('has-warning');
        if (target.tagName === 'P') { target.insertAdjacentElement('afterend', note); } else { target.appendChild(note); }
      } else {
        var columnWarnings = column.querySelector('[data-warnings]');
        columnWarnings.appendChild(note);
        columnWarnings.hidden = false;
      }
    });
  }

  function metaItem(term, value, title) {
    var wrapper = element('div', 'meta-item');
    wrapper.appendChild(element('dt', null, term));
    var description = element('dd', null, value);
    if (title) { description.title = title; }
    wrapper.appendChild(description);
    metaList.appendChild(wrapper);
  }

  function formatCost(usd) {
    return '$' + (usd >= 0.1 || usd === 0 ? usd.toFixed(2) : usd.toFixed(4));
  }

  function renderMeta(meta, latency) {
    metaList.textContent = '';
    var usage = meta.usage || {};
    metaItem('Model', meta.model);
    metaItem('Prompt', meta.prompt ? meta.prompt.name + ' ' + meta.prompt.version : '—',
      meta.prompt ? 'sha256 ' + meta.prompt.sha256 : '');
    var tokens = numbers.format(usage.input_tokens || 0) + ' in · ' + numbers.format(usage.output_tokens || 0) + ' out';
    var cached = (usage.cache_read_input_tokens || 0) + (usage.cache_creation_input_tokens || 0);
    if (cached > 0) { tokens += ' · ' + numbers.format(cached) + ' cached'; }
    metaItem('Tokens', tokens);
    if (typeof meta.cost_usd === 'number') { metaItem('Cost', formatCost(meta.cost_usd)); }
    metaItem('Latency', seconds(latency));
    var mode = MODE_NAMES[meta.mode] || String(meta.mode);
    if (meta.attempts > 1) { mode += ' · ' + meta.attempts + ' attempts'; }
    if (meta.cached === true) { mode += ' · from cache'; }
    metaItem('Mode', mode);
    metaItem('Request ID', meta.request_id);
  }

  function render(response, latency) {
    lastResponse = response;
    renderColumn('en', response.summaries.en);
    renderColumn('de', response.summaries.de);
    renderChecks(response.checks);
    renderMeta(response.meta || {}, latency);
    emptyState.hidden = true;
    resultsBody.hidden = false;
  }

  function isSummaryResponse(body) {
    return Boolean(body && body.summaries && body.summaries.en && body.summaries.de);
  }

  // ---- summarizing

  function setBusy(value) {
    busy = value;
    submitButton.disabled = value;
    submitButton.setAttribute('aria-busy', String(value));
    form.setAttribute('aria-busy', String(value));
    results.setAttribute('aria-busy', String(value));
    submitLabel.textContent = value ? 'Summarizing…' : 'Summarize';
    if (!value && (document.activeElement === document.body || document.activeElement === null)) {
      submitButton.focus();
    }
  }

  function summarize() {
    if (busy) { return; }
    hideProblem();
    var body = { text: textArea.value };
    if (promptSelect.value) { body.prompt_version = promptSelect.value; }
    setBusy(true);
    var started = performance.now();
    setStatus('The model is writing both summaries…', 'busy');
    var ticker = window.setInterval(function () {
      setStatus('The model is writing both summaries… ' + Math.round((performance.now() - started) / 1000) + ' s', 'busy');
    }, 1000);
    callApi('/v1/summaries', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body)
    }).then(function (result) {
      var latency = performance.now() - started;
      if (result.response.status === 401) {
        setStatus('An API key is needed.', 'error');
        askForKey(result, summarize);
        return;
      }
      if (!result.response.ok || !isSummaryResponse(result.body)) {
        var problem = problemFrom(result);
        showProblem(problem);
        setStatus('No summary: ' + problem.title + '.', 'error');
        return;
      }
      render(result.body, latency);
      setStatus('Done in ' + seconds(latency) + '.', 'done');
    }, function (error) {
      showProblem(unreachableProblem(error));
      setStatus('No summary: Brief could not be reached.', 'error');
    }).then(function () {
      window.clearInterval(ticker);
      setBusy(false);
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    summarize();
  });

  // ---- copying

  function asPlainText(summary) {
    return [summary.headline, '', summary.summary, '']
      .concat(summary.key_points.map(function (point) { return '- ' + keyPointText(point); }))
      .join('\n');
  }

  function asMarkdown(summary) {
    return ['## ' + summary.headline, '', summary.summary, '', '### Key points', '']
      .concat(summary.key_points.map(function (point) { return '- ' + keyPointText(point); }))
      .join('\n');
  }

  // The Clipboard API needs a secure context (https or localhost); elsewhere a selection is copied.
  function copyWithSelection(text) {
    var scratch = element('textarea');
    scratch.value = text;
    scratch.setAttribute('readonly', '');
    scratch.className = 'visually-hidden';
    document.body.appendChild(scratch);
    scratch.select();
    var copied = false;
    try { copied = document.execCommand('copy'); } catch (error) { copied = false; }
    scratch.remove();
    return copied;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return copyWithSelection(text); }
      );
    }
    return Promise.resolve(copyWithSelection(text));
  }

  results.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy]');
    if (!button || !lastResponse) { return; }
    var language = button.getAttribute('data-copy');
    var markdown = button.getAttribute('data-format') === 'markdown';
    var summary = lastResponse.summaries[language];
    copyText(markdown ? asMarkdown(summary) : asPlainText(summary)).then(function (copied) {
      var what = LANGUAGE_NAMES[language] + ' summary' + (markdown ? ' as Markdown' : ' as plain text');
      setStatus(copied ? 'Copied the ' + what + '.' : 'Could not copy the ' + what + ': select it and copy by hand.',
        copied ? 'done' : 'error');
      if (copied) {
        var label = button.getAttribute('data-label') || button.textContent;
        button.setAttribute('data-label', label);
        button.textContent = 'Copied ✓';
        window.setTimeout(function () { button.textContent = label; }, COPIED_FEEDBACK_MS);
      }
    });
  });

  updateCount();
  updateKeyStatus();
  loadPrompts();
})();
`;

// The search page's browser script, served from /assets/ so a CSP can say script-src 'self'.
// Plain ES2020 in a string (no bundler, same bytes in Node and the Worker); it never writes HTML:
// every text goes in through textContent, highlights are rebuilt from the API's offsets.
// Keep it free of backticks and dollar-brace (it lives in a template literal).
export const CLIENT_SCRIPT = String.raw`
'use strict';
(function () {
  var PAGE_SIZE = 10;
  var SEARCH_DELAY_MS = 200;
  var SUGGEST_LIMIT = 8;
  // Compatibility jamo: 벨라루ㅅ or ㅂㄹㄹㅅ is still being typed, so Enter takes the first suggestion.
  var LONE_JAMO = /[\u3131-\u318e]/;
  var EXAMPLES = [
    ['벨라루스', ''],
    ['최양희 장관', ''],
    ['ㅁㄹㅊㅈㄱㅎㅂ', '초성'],
    ['qpffkfntm', '영문 자판'],
  ];

  var form = document.getElementById('search-form');
  var input = document.getElementById('q');
  var list = document.getElementById('suggestions');
  var resultsView = document.getElementById('results-view');
  var statusLine = document.getElementById('status');
  var correction = document.getElementById('correction');
  var results = document.getElementById('results');
  var pager = document.getElementById('pager');
  var articleView = document.getElementById('article-view');

  var suggestions = [];
  var active = -1;
  var suggestFor = '';
  var suggestSeq = 0;
  var suggestAbort = null;
  var searchSeq = 0;
  var searchAbort = null;
  var searchTimer = 0;
  // What the results view shows, so the article view can go back to it without a new request.
  var shown = { q: '', page: 0, hits: [], body: null, scrollY: 0 };

  // ---- small DOM helpers: text only, never HTML ----
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }
  /** A sentence with <mark> around each [start, end) span of the API's highlights. */
  function markedText(tag, text, highlights) {
    var node = el(tag);
    var at = 0;
    (highlights || []).forEach(function (span) {
      var start = Math.max(at, span[0]);
      var end = Math.min(text.length, span[1]);
      if (end <= start) return;
      node.appendChild(document.createTextNode(text.slice(at, start)));
      node.appendChild(el('mark', '', text.slice(start, end)));
      at = end;
    });
    node.appendChild(document.createTextNode(text.slice(at)));
    return node;
  }
  function formatDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
    return m ? m[1] + '년 ' + Number(m[2]) + '월 ' + Number(m[3]) + '일' : iso || '';
  }
  function metaLine(parts) {
    return el('p', 'meta', parts.filter(Boolean).join(' · '));
  }
  function articleHref(id) {
    var params = new URLSearchParams({ article: id });
    if (shown.q) params.set('q', shown.q);
    return '/?' + params.toString();
  }

  async function getJson(path, signal) {
    var res = await fetch(path, { signal: signal, headers: { accept: 'application/json' } });
    var body = null;
    try {
      body = await res.json();
    } catch (e) {
      body = null;
    }
    if (!res.ok) {
      var message = body && body.error && body.error.message ? body.error.message : 'HTTP ' + res.status;
      throw new Error(message);
    }
    return body;
  }
  function isAbort(err) {
    return err && err.name === 'AbortError';
  }

  // ---- suggestions ----
  async function loadSuggestions(q) {
    var seq = ++suggestSeq;
    if (suggestAbort) suggestAbort.abort();
    if (!q) return closeSuggestions();
    suggestAbort = new AbortController();
    try {
      var body = await getJson('/api/suggest?' + new URLSearchParams({ q: q, limit: String(SUGGEST_LIMIT) }), suggestAbort.signal);
      if (seq !== suggestSeq) return;
      suggestions = body.suggestions || [];
      suggestFor = q;
      // 벨라루ㅅ + Enter means 벨라루스: pre-select the first when the text still has a lone jamo.
      active = suggestions.length > 0 && LONE_JAMO.test(q) ? 0 : -1;
      renderSuggestions();
    } catch (err) {
      if (!isAbort(err) && seq === suggestSeq) closeSuggestions();
    }
  }
  function renderSuggestions() {
    clear(list);
    list.dataset.for = suggestFor; // what the list completes (tests wait for the last keystroke's list)
    suggestions.forEach(function (s, i) {
      var item = el('li');
      item.id = 'suggestion-' + i;
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', i === active ? 'true' : 'false');
      item.dataset.index = String(i);
      item.appendChild(el('span', 'text', s.text));
      if (s.kind === 'title') item.appendChild(el('span', 'kind', '기사'));
      list.appendChild(item);
    });
    var open = suggestions.length > 0 && document.activeElement === input;
    list.hidden = !open;
    input.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (open && active >= 0) input.setAttribute('aria-activedescendant', 'suggestion-' + active);
    else input.removeAttribute('aria-activedescendant');
  }
  function closeSuggestions() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }
  function move(delta) {
    if (suggestions.length === 0) return;
    if (list.hidden) {
      renderSuggestions();
      return;
    }
    var next = active + delta;
    if (next < -1) next = suggestions.length - 1;
    if (next >= suggestions.length) next = -1;
    active = next;
    renderSuggestions();
    if (active >= 0) document.getElementById('suggestion-' + active).scrollIntoView({ block: 'nearest' });
  }
  function choose(index) {
    var s = suggestions[index];
    if (!s) return;
    closeSuggestions();
    if (s.kind === 'title' && s.article_id) {
      openArticle(s.article_id, true);
      return;
    }
    input.value = s.text;
    suggestions = [];
    search(s.text, 0, true);
  }

  // ---- search results ----
  function scheduleSearch(q) {
    clearTimeout(searchTimer);
    if (!q) {
      searchSeq++;
      if (searchAbort) searchAbort.abort();
      showIntro();
      writeUrl({}, false);
      return;
    }
    // A syllable still being typed (벨라루ㅅ) is no query yet: keep what is shown.
    if (LONE_JAMO.test(q.slice(-1))) return;
    searchTimer = setTimeout(function () {
      search(q, 0, false);
    }, SEARCH_DELAY_MS);
  }

  async function search(q, page, push) {
    clearTimeout(searchTimer);
    q = q.trim();
    if (!q) return showIntro();
    var seq = ++searchSeq;
    if (searchAbort) searchAbort.abort();
    searchAbort = new AbortController();
    showView('results');
    writeUrl(page > 0 ? { q: q, page: String(page + 1) } : { q: q }, push);
    resultsView.setAttribute('aria-busy', 'true');
    statusLine.textContent = '‘' + q + '’ 검색 중…';
    var params = new URLSearchParams({ q: q, limit: String(PAGE_SIZE), offset: String(page * PAGE_SIZE) });
    try {
      var body = await getJson('/api/search?' + params, searchAbort.signal);
      if (seq !== searchSeq) return;
      renderResults(body, q, page);
    } catch (err) {
      if (isAbort(err) || seq !== searchSeq) return;
      renderError(err.message, function () {
        search(q, page, false);
      });
    } finally {
      if (seq === searchSeq) resultsView.removeAttribute('aria-busy');
    }
  }

  function renderResults(body, q, page) {
    shown = { q: q, page: page, hits: body.hits || [], body: body, scrollY: 0 };
    clear(results);
    renderCorrection(body.corrected);
    var total = body.total || 0;
    if (total === 0) {
      statusLine.textContent = '';
      var box = el('div', 'notice empty');
      box.appendChild(el('h2', '', '‘' + q + '’에 맞는 기사가 없습니다.'));
      var tips = el('ul');
      tips.appendChild(el('li', '', '맞춤법과 띄어쓰기를 확인해 보세요.'));
      tips.appendChild(el('li', '', '더 짧거나 일반적인 낱말로 찾아보세요.'));
      box.appendChild(tips);
      results.appendChild(box);
      pager.hidden = true;
      return;
    }
    var first = page * PAGE_SIZE + 1;
    var last = page * PAGE_SIZE + shown.hits.length;
    statusLine.textContent = '‘' + q + '’ 검색 결과: 기사 ' + total + '건 중 ' + first + '–' + last;
    var hits = el('ol', 'hits');
    shown.hits.forEach(function (hit) {
      hits.appendChild(renderHit(hit));
    });
    results.appendChild(hits);
    renderPager(total, page, q);
  }

  function renderCorrection(corrected) {
    clear(correction);
    correction.hidden = !(corrected && corrected.to);
    if (correction.hidden) return;
    correction.appendChild(document.createTextNode('이것을 찾으셨나요? '));
    var button = el('button', 'link-button', corrected.to);
    button.type = 'button';
    button.dataset.query = corrected.to;
    correction.appendChild(button);
    if (corrected.from) correction.appendChild(el('span', 'meta', ' (입력: ' + corrected.from + ')'));
  }

  function renderHit(hit) {
    var item = el('li', 'hit');
    var heading = el('h2');
    var link = el('a', 'hit-title', hit.article.title);
    link.href = articleHref(hit.article.id);
    link.dataset.article = hit.article.id;
    heading.appendChild(link);
    item.appendChild(heading);
    item.appendChild(metaLine([hit.article.outlet, formatDate(hit.article.published_at)]));
    var sentences = el('ul', 'sentences');
    hit.sentences.forEach(function (s) {
      sentences.appendChild(markedText('li', s.text, s.highlights));
    });
    item.appendChild(sentences);
    var more = hit.matches - hit.sentences.length;
    if (more > 0) {
      var button = el('button', 'more', more + '개 문장 더');
      button.type = 'button';
      button.dataset.article = hit.article.id;
      item.appendChild(button);
    }
    return item;
  }

  function renderPager(total, page, q) {
    var pages = Math.ceil(total / PAGE_SIZE);
    clear(pager);
    pager.hidden = pages <= 1;
    if (pages <= 1) return;
    var prev = el('button', '', '← 이전');
    prev.type = 'button';
    prev.disabled = page === 0;
    prev.dataset.page = String(page - 1);
    var next = el('button', '', '다음 →');
    next.type = 'button';
    next.disabled = page >= pages - 1;
    next.dataset.page = String(page + 1);
    pager.appendChild(prev);
    pager.appendChild(el('span', '', page + 1 + ' / ' + pages + ' 쪽'));
    pager.appendChild(next);
  }

  function renderError(message, retry) {
    statusLine.textContent = '';
    correction.hidden = true;
    pager.hidden = true;
    clear(results);
    var box = el('div', 'notice error');
    box.setAttribute('role', 'alert');
    box.appendChild(el('h2', '', '검색하지 못했습니다.'));
    box.appendChild(el('p', '', message));
    var button = el('button', 'retry', '다시 시도');
    button.type = 'button';
    button.addEventListener('click', retry);
    box.appendChild(button);
    results.appendChild(box);
  }

  function showIntro() {
    showView('results');
    shown = { q: '', page: 0, hits: [], body: null, scrollY: 0 };
    statusLine.textContent = '';
    correction.hidden = true;
    pager.hidden = true;
    clear(results);
    var box = el('div', 'notice intro');
    box.appendChild(el('h2', '', '한국어 뉴스 기사에서 문장을 찾습니다.'));
    box.appendChild(el('p', '', '조사가 붙어도(벨라루스를 → 벨라루스), 초성만 쳐도, 한/영 전환을 잊어도 찾아 줍니다.'));
    var examples = el('div', 'examples');
    EXAMPLES.forEach(function (example) {
      var button = el('button', '', example[0]);
      button.type = 'button';
      button.dataset.query = example[0];
      if (example[1]) button.appendChild(el('small', '', example[1]));
      examples.appendChild(button);
    });
    box.appendChild(examples);
    results.appendChild(box);
  }

  // ---- article view ----
  async function openArticle(id, push) {
    var seq = ++searchSeq;
    if (searchAbort) searchAbort.abort();
    searchAbort = new AbortController();
    closeSuggestions();
    if (!resultsView.hidden) shown.scrollY = window.scrollY;
    writeUrl(shown.q ? { article: id, q: shown.q } : { article: id }, push, push && shown.body !== null);
    showView('article');
    clear(articleView);
    articleView.appendChild(el('p', 'status', '기사를 불러오는 중…'));
    try {
      var article = await getJson('/api/articles/' + encodeURIComponent(id), searchAbort.signal);
      if (seq !== searchSeq) return;
      renderArticle(article);
    } catch (err) {
      if (isAbort(err) || seq !== searchSeq) return;
      clear(articleView);
      articleView.appendChild(backButton());
      var box = el('div', 'notice error', '기사를 불러오지 못했습니다: ' + err.message);
      box.setAttribute('role', 'alert');
      articleView.appendChild(box);
    }
  }

  function backButton() {
    var button = el('button', 'back', shown.q ? '← ‘' + shown.q + '’ 검색 결과' : '← 검색');
    button.type = 'button';
    button.dataset.back = '1';
    return button;
  }

  function renderArticle(article) {
    clear(articleView);
    articleView.appendChild(backButton());
    articleView.appendChild(el('h1', '', article.title));
    articleView.appendChild(
      metaLine([article.outlet, article.byline ? article.byline + ' 기자' : '', formatDate(article.published_at)]),
    );
    if (article.url && /^https?:\/\//i.test(article.url)) {
      var source = el('a', '', '원문 보기');
      source.href = article.url;
      source.target = '_blank';
      source.rel = 'noopener noreferrer';
      var line = el('p', 'meta');
      line.appendChild(source);
      articleView.appendChild(line);
    }
    // Sentences the results showed keep their highlights here.
    var matched = {};
    shown.hits.forEach(function (hit) {
      hit.sentences.forEach(function (s) {
        matched[s.id] = s;
      });
    });
    var body = el('div', 'body');
    (article.sentences || []).forEach(function (s) {
      var hit = matched[s.id];
      var p = hit ? markedText('p', s.text, hit.highlights) : el('p', '', s.text);
      if (hit) p.className = 'matched';
      body.appendChild(p);
    });
    articleView.appendChild(body);
    window.scrollTo(0, 0);
  }

  function showView(which) {
    resultsView.hidden = which !== 'results';
    articleView.hidden = which !== 'article';
  }

  // ---- URL state: ?q=&page= for results, ?article=&q= for an article ----
  function writeUrl(params, push, overResults) {
    var query = new URLSearchParams(params).toString();
    var url = location.pathname + (query ? '?' + query : '');
    if (url === location.pathname + location.search) return;
    // overResults: the entry below this one shows the results, so "back" can be history.back().
    var state = overResults ? { overResults: true } : null;
    if (push) history.pushState(state, '', url);
    else history.replaceState(state, '', url);
  }
  function renderFromUrl() {
    var params = new URLSearchParams(location.search);
    var q = params.get('q') || '';
    var page = Math.max(0, (parseInt(params.get('page') || '1', 10) || 1) - 1);
    var article = params.get('article');
    input.value = q;
    if (article) {
      if (shown.q !== q) shown = { q: q, page: 0, hits: [], body: null, scrollY: 0 };
      openArticle(article, false);
    } else if (q && shown.body && shown.q === q && shown.page === page) backToResults();
    else if (q) search(q, page, false);
    else showIntro();
  }
  /** Shows the results the article was opened from again, where the reader left them. */
  function backToResults() {
    searchSeq++;
    var y = shown.scrollY;
    showView('results');
    renderResults(shown.body, shown.q, shown.page);
    window.scrollTo(0, y);
  }

  // ---- events (no inline handlers: CSP script-src 'self') ----
  input.addEventListener('input', function () {
    var q = input.value.trim();
    loadSuggestions(q);
    scheduleSearch(q);
  });
  input.addEventListener('keydown', function (e) {
    // Keys that finish an IME composition belong to the IME.
    if (e.isComposing || e.keyCode === 229) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      move(1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      move(-1);
    } else if (e.key === 'Escape' && !list.hidden) {
      e.preventDefault(); // close the list only; a search box would also clear itself
      closeSuggestions();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      submit();
    }
  });
  input.addEventListener('focus', function () {
    if (suggestions.length > 0 && suggestFor === input.value.trim()) renderSuggestions();
  });
  input.addEventListener('blur', closeSuggestions);
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    submit();
  });
  function submit() {
    var useSuggestion = !list.hidden && active >= 0 && suggestFor === input.value.trim();
    if (useSuggestion) return choose(active);
    closeSuggestions();
    search(input.value, 0, true);
  }
  // Keep focus in the box while picking with the mouse, then choose on click.
  list.addEventListener('mousedown', function (e) {
    e.preventDefault();
  });
  list.addEventListener('click', function (e) {
    var item = e.target.closest('li[data-index]');
    if (item) choose(Number(item.dataset.index));
  });
  document.addEventListener('click', function (e) {
    var target = e.target.closest('[data-query], [data-article], [data-page], [data-back]');
    if (!target || target.closest('#suggestions')) return;
    if (target.dataset.article) {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return; // let a new tab open
      e.preventDefault();
      openArticle(target.dataset.article, true);
    } else if (target.dataset.query) {
      input.value = target.dataset.query;
      search(target.dataset.query, 0, true);
    } else if (target.dataset.page) {
      search(shown.q, Number(target.dataset.page), true);
      window.scrollTo(0, 0);
    } else if (target.dataset.back) {
      if (history.state && history.state.overResults) history.back();
      else if (shown.body) {
        writeUrl(shown.page > 0 ? { q: shown.q, page: String(shown.page + 1) } : { q: shown.q }, true);
        backToResults();
      } else if (shown.q) search(shown.q, shown.page, true);
      else showIntro();
    }
  });
  window.addEventListener('popstate', renderFromUrl);
  renderFromUrl();
})();
`

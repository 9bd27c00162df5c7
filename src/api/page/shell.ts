// The search page's HTML shell: a form, the suggestion list and empty views the script fills in.
// Static (nothing from the request goes in), so nothing here needs escaping. No runtime imports.

export interface ShellAssets {
  /** URLs of the stylesheet and the script, versioned by content. */
  css: string
  js: string
}

/**
 * @example
 * renderShell({ css: '/assets/search.css?v=1a2b', js: '/assets/search.js?v=3c4d' }) // => '<!doctype html>…'
 */
export function renderShell(assets: ShellAssets): string {
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>한국어 뉴스 검색</title>
<meta name="description" content="한국어 뉴스 기사 문장 검색">
<link rel="stylesheet" href="${assets.css}">
<script src="${assets.js}" defer></script>
</head>
<body>
<header class="top">
  <div class="top-inner">
    <a class="brand" href="/">뉴스 문장 검색</a>
    <form id="search-form" class="search" role="search" action="/" method="get" autocomplete="off">
      <label for="q" class="visually-hidden">검색어</label>
      <div class="combo">
        <input id="q" name="q" type="search" placeholder="검색어 (예: 벨라루스, ㅂㄹㄹㅅ)" maxlength="200"
          role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="suggestions"
          autocomplete="off" autocapitalize="off" spellcheck="false" enterkeyhint="search" autofocus>
        <ul id="suggestions" class="suggestions" role="listbox" aria-label="추천 검색어" hidden></ul>
      </div>
      <button type="submit">검색</button>
    </form>
  </div>
</header>
<main>
  <section id="results-view" aria-live="polite">
    <p id="status" class="status"></p>
    <p id="correction" class="correction" hidden></p>
    <div id="results"></div>
    <nav id="pager" class="pager" aria-label="쪽 이동" hidden></nav>
  </section>
  <article id="article-view" class="article" hidden></article>
  <noscript><p class="notice">이 페이지는 자바스크립트가 필요합니다. API는 그대로 쓸 수 있습니다: /api/search?q=벨라루스</p></noscript>
</main>
<footer class="foot">
  <p>기사: 아주경제 1건, 한국어 위키뉴스(CC BY 2.5). 검색 API: <code>/api/search</code>, <code>/api/suggest</code>.</p>
</footer>
</body>
</html>
`
}

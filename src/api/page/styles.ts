// The search page's stylesheet, served from /assets/ (no inline styles, so a CSP can say
// style-src 'self'). Phone width first; wider screens only get more margin. No runtime imports.
export const PAGE_CSS = `
:root {
  --text: #1d1f23; --muted: #5f6670; --line: #e2e5ea; --bg: #fff; --panel: #f6f7f9;
  --accent: #1a56c4; --mark: #ffe58a; --danger: #b42318; --active: #eaf1fd;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #e8eaed; --muted: #a3aab4; --line: #343841; --bg: #15171b; --panel: #1e2127;
    --accent: #8ab4f8; --mark: #6b5a12; --danger: #f28b82; --active: #243048;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--text); line-height: 1.6;
  font-family: "Apple SD Gothic Neo", "Noto Sans KR", "Malgun Gothic", "NanumGothic", system-ui, sans-serif;
  word-break: keep-all; overflow-wrap: anywhere;
}
a { color: var(--accent); }
button { font: inherit; cursor: pointer; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
.top {
  position: sticky; top: 0; z-index: 2; background: var(--bg); border-bottom: 1px solid var(--line);
  padding: .75rem 1rem;
}
.top-inner, main, .foot { max-width: 46rem; margin: 0 auto; }
.brand { display: inline-block; font-weight: 700; font-size: 1.05rem; color: var(--text); text-decoration: none; margin-bottom: .5rem; }
.search { display: flex; gap: .5rem; }
.combo { position: relative; flex: 1; min-width: 0; }
.combo input {
  width: 100%; font-size: 1.0625rem; padding: .6rem .8rem; border: 1px solid var(--line); border-radius: .5rem;
  background: var(--panel); color: var(--text);
}
.combo input:focus { outline: 2px solid var(--accent); outline-offset: -1px; background: var(--bg); }
.search > button {
  flex: none; padding: 0 1rem; border: 0; border-radius: .5rem; background: var(--accent); color: var(--bg); font-weight: 600;
}
.suggestions {
  position: absolute; left: 0; right: 0; top: calc(100% + .25rem); margin: 0; padding: .25rem 0; list-style: none;
  background: var(--bg); border: 1px solid var(--line); border-radius: .5rem; box-shadow: 0 6px 20px rgb(0 0 0 / .12);
  max-height: 60vh; overflow-y: auto;
}
.suggestions li { display: flex; gap: .5rem; align-items: baseline; padding: .45rem .8rem; cursor: pointer; }
.suggestions li[aria-selected="true"], .suggestions li:hover { background: var(--active); }
.suggestions .text { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.suggestions .kind { flex: none; font-size: .75rem; color: var(--muted); border: 1px solid var(--line); border-radius: .25rem; padding: 0 .3rem; }
main { padding: 1rem; }
.status { color: var(--muted); font-size: .9rem; margin: 0 0 .5rem; }
.correction { margin: 0 0 1rem; }
.link-button { background: none; border: 0; padding: 0; color: var(--accent); text-decoration: underline; font-weight: 600; }
.hits { list-style: none; margin: 0; padding: 0; }
.hit { padding: 1rem 0; border-bottom: 1px solid var(--line); }
.hit h2 { font-size: 1.1rem; line-height: 1.4; margin: 0 0 .15rem; }
.hit h2 a { text-decoration: none; }
.hit h2 a:hover { text-decoration: underline; }
.meta { color: var(--muted); font-size: .85rem; margin: 0 0 .4rem; }
.sentences { margin: 0; padding-left: 1.1rem; }
.sentences li { margin: .2rem 0; }
mark { background: var(--mark); color: inherit; border-radius: .15rem; padding: 0 .05rem; }
.more { margin-top: .35rem; background: none; border: 1px solid var(--line); border-radius: 1rem; padding: .1rem .7rem; color: var(--muted); font-size: .85rem; }
.pager { display: flex; justify-content: center; align-items: center; gap: 1rem; padding: 1.25rem 0; }
.pager button, .back, .retry, .examples button {
  border: 1px solid var(--line); background: var(--panel); color: var(--text); border-radius: .5rem; padding: .35rem .9rem;
}
.pager button:disabled { opacity: .4; cursor: default; }
.notice { padding: 1.25rem; background: var(--panel); border-radius: .5rem; }
.notice h2 { font-size: 1.05rem; margin: 0 0 .5rem; }
.notice ul { margin: .25rem 0 0; padding-left: 1.1rem; }
.error { border-left: 4px solid var(--danger); }
.examples { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .75rem; }
.examples small { color: var(--muted); margin-left: .3rem; }
.article h1 { font-size: 1.35rem; line-height: 1.4; margin: .75rem 0 .25rem; }
.article .body p { margin: 0 0 .9rem; line-height: 1.8; }
.article .body p.matched { background: var(--panel); border-left: 3px solid var(--accent); padding: .2rem .6rem; }
.foot { padding: 1.5rem 1rem 2rem; color: var(--muted); font-size: .8rem; }
[hidden] { display: none !important; }
@media (min-width: 48rem) {
  .top { padding: 1rem; }
  .top-inner { display: flex; align-items: center; gap: 1.25rem; }
  .brand { margin: 0; }
  .search { flex: 1; }
}
`

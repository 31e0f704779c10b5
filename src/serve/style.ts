/** The page's only stylesheet, served as /style.css (the CSP allows no inline styles). */
export const STYLESHEET = `
:root { --ink: #1d2430; --muted: #5b6577; --line: #d9dee7; --accent: #1f5fbf; --mark: #ffe58a;
  font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--ink); }
body { margin: 0; background: #f6f7f9; }
header { display: flex; align-items: baseline; gap: 1rem; padding: .6rem 1.5rem;
  background: #16233a; color: #fff; }
header h1 { margin: 0; font-size: 1.3rem; } header a { color: #fff; text-decoration: none; }
header p { margin: 0; color: #b8c4d8; }
main { max-width: 1100px; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
form.search { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem; }
.query { display: flex; gap: .5rem; }
.query input { flex: 1; font-size: 1.1rem; padding: .5rem .7rem; border: 1px solid #b9c2d0;
  border-radius: 6px; }
button { font-size: 1rem; padding: .5rem 1.2rem; border: 0; border-radius: 6px;
  background: var(--accent); color: #fff; cursor: pointer; }
.filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(130px, 1fr));
  gap: .6rem; margin-top: .8rem; }
.filters label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); }
.filters input, .filters select { font-size: .95rem; padding: .3rem .4rem; margin-top: .2rem;
  border: 1px solid #b9c2d0; border-radius: 4px; }
.toolbar { display: flex; justify-content: flex-end; margin: .8rem 0 .2rem; }
a.csv { color: var(--accent); font-weight: 600; }
figure.chart { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 8px;
  padding: .6rem; }
figure.chart svg { width: 100%; height: auto; display: block; }
figure.chart figcaption { color: var(--muted); font-size: .85rem; text-align: center; }
rect.bar { fill: var(--accent); } rect.bar:hover { fill: #e07a1f; }
.axis { stroke: #8a94a6; } .label { font-size: 11px; fill: var(--muted); }
.results h2 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
ol.articles { list-style: none; padding: 0; margin: 0; }
li.article { background: #fff; border: 1px solid var(--line); border-radius: 8px;
  padding: .7rem 1rem; margin-bottom: .6rem; }
li.article h3 { margin: 0 0 .2rem; font-size: 1.05rem; }
li.article h3 a { color: var(--accent); text-decoration: none; }
.meta { margin: 0; color: var(--muted); font-size: .85rem; }
.snippet { margin: .4rem 0; line-height: 1.45; }
mark { background: var(--mark); padding: 0 .1em; border-radius: 2px; }
.tags { margin: .3rem 0; display: flex; flex-wrap: wrap; gap: .3rem; }
.tag { font-size: .75rem; padding: .1rem .45rem; border-radius: 999px; background: #e8edf5; }
.tag.topic { background: #dcebff; } .tag.pair { background: #ffe7d1; }
.tag.actor { background: #e6f4e1; }
details.evidence summary { cursor: pointer; color: var(--muted); font-size: .85rem; }
details.evidence table { border-collapse: collapse; font-size: .85rem; margin-top: .3rem; }
details.evidence th, details.evidence td { text-align: left; vertical-align: top;
  padding: .15rem .6rem .15rem 0; }
details.evidence th.kind { padding-top: .4rem; color: var(--muted); }
details.evidence ul { margin: 0; padding-left: 1rem; }
.error { background: #fff4f2; border: 1px solid #f0b8ad; border-radius: 8px; padding: 1rem; }
`;

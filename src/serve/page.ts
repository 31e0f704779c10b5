import type { HistogramBucket, HistogramInterval, SearchResult } from '../core/store-types.js';
import { renderChart } from './chart.js';
import { queryTerms } from './highlight.js';
import { html, type SafeHtml } from './html.js';
import { toSearchParams, type PageParams } from './params.js';
import { renderResults } from './results.js';

interface FilterField {
  name: keyof PageParams;
  label: string;
  placeholder: string;
  type?: string;
}

const FILTERS: FilterField[] = [
  { name: 'topic', label: 'Topic', placeholder: 'military-alliance' },
  { name: 'country', label: 'Country', placeholder: 'RU' },
  { name: 'pair', label: 'Pair', placeholder: 'CN-RU' },
  { name: 'feed', label: 'Source (feed)', placeholder: 'rt-de' },
  { name: 'language', label: 'Language', placeholder: 'de' },
  { name: 'from', label: 'From', placeholder: 'YYYY-MM-DD', type: 'date' },
  { name: 'to', label: 'To', placeholder: 'YYYY-MM-DD', type: 'date' },
];

const INTERVALS: HistogramInterval[] = ['day', 'week', 'month'];

function layout(title: string, body: SafeHtml): SafeHtml {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <link rel="stylesheet" href="/style.css" />
      </head>
      <body>
        <header>
          <h1><a href="/">presswatch</a></h1>
          <p>coverage over time</p>
        </header>
        <main>${body}</main>
      </body>
    </html>`;
}

function filterInput(field: FilterField, params: PageParams): SafeHtml {
  return html`<label
    >${field.label}<input
      name="${field.name}"
      type="${field.type ?? 'text'}"
      value="${params[field.name] ?? ''}"
      placeholder="${field.placeholder}"
  /></label>`;
}

function searchForm(params: PageParams): SafeHtml {
  const options = INTERVALS.map(
    (i) => html`<option value="${i}" ${params.interval === i ? html` selected` : ''}>${i}</option>`,
  );
  return html`<form method="get" action="/" class="search" role="search">
    <div class="query">
      <input
        name="q"
        type="search"
        value="${params.q ?? ''}"
        placeholder="Search title and body, e.g. Bündnis"
        aria-label="search text"
        autofocus
      />
      <button type="submit">Search</button>
    </div>
    <div class="filters">
      ${FILTERS.map((f) => filterInput(f, params))}
      <label
        >Chart<select name="interval">
          ${options}
        </select></label
      >
    </div>
  </form>`;
}

export interface PageData {
  params: PageParams;
  result: SearchResult;
  buckets: HistogramBucket[];
}

/** The whole page: form, coverage chart, CSV link and hits. */
export function renderPage({ params, result, buckets }: PageData): string {
  const csv = `/articles.csv?${toSearchParams(params)}`;
  const body = html`${searchForm(params)}
    <div class="toolbar"><a class="csv" href="${csv}" download>Download CSV</a></div>
    ${renderChart(buckets, params.interval)} ${renderResults(result, queryTerms(params.q))}`;
  return layout(params.q ? `${params.q} · presswatch` : 'presswatch', body).value;
}

/** A 400 or 503 page that says what went wrong, one line per problem. */
export function renderErrorPage(status: number, message: string): string {
  const lines = message.split('\n').map((line) => html`<li>${line}</li>`);
  const body = html`<section class="error">
    <h2>${status === 400 ? 'Bad request' : 'Unavailable'}</h2>
    <ul>
      ${lines}
    </ul>
    <p><a href="/">Start again</a></p>
  </section>`;
  return layout('presswatch: error', body).value;
}

import type { ArticleDocument, TagEvidence } from '../core/document.js';
import type { SearchResult } from '../core/store-types.js';
import { highlight, snippet } from './highlight.js';
import { html, safeHref, type SafeHtml } from './html.js';

type EvidenceKind = keyof ArticleDocument['topic_evidence'];
const EVIDENCE_KINDS: { kind: EvidenceKind; name: string }[] = [
  { kind: 'topics', name: 'Topics' },
  { kind: 'countries', name: 'Countries' },
  { kind: 'pairs', name: 'Pairs' },
  { kind: 'actors', name: 'Actors' },
];

function matchList(evidence: TagEvidence): SafeHtml[] {
  return evidence.matches.map((m) => html`<li><q>${m.term}</q> ×${m.count} in ${m.field}</li>`);
}

function evidenceRows(doc: ArticleDocument, kind: EvidenceKind): SafeHtml[] {
  const entries = Object.entries(doc.topic_evidence?.[kind] ?? {});
  return entries.map(([tag, evidence]) => {
    const relation = 'relation' in evidence && evidence.relation ? ` (${evidence.relation})` : '';
    return html`<tr>
      <th scope="row">${tag}${relation}</th>
      <td>${evidence.score}</td>
      <td>
        <ul>
          ${matchList(evidence)}
        </ul>
      </td>
    </tr>`;
  });
}

function evidence(doc: ArticleDocument): SafeHtml {
  const sections = EVIDENCE_KINDS.flatMap(({ kind, name }) => {
    const rows = evidenceRows(doc, kind);
    return rows.length === 0
      ? []
      : [
          html`<tr>
              <th colspan="3" class="kind">${name}</th>
            </tr>
            ${rows}`,
        ];
  });
  if (sections.length === 0) return html``;
  return html`<details class="evidence">
    <summary>Why these tags</summary>
    <table>
      <thead>
        <tr>
          <th>tag</th>
          <th>score</th>
          <th>matched terms</th>
        </tr>
      </thead>
      <tbody>
        ${sections}
      </tbody>
    </table>
  </details>`;
}

function tags(doc: ArticleDocument): SafeHtml {
  const chip = (kind: string) => (value: string) => html`<span class="tag ${kind}">${value}</span>`;
  return html`<p class="tags">
    ${doc.topics.map(chip('topic'))}${doc.pairs.map(chip('pair'))}${doc.countries.map(chip('country'))}${doc.actors.map(chip('actor'))}
  </p>`;
}

function article(doc: ArticleDocument, terms: string[]): SafeHtml {
  const href = safeHref(doc.url);
  const title = highlight(doc.title || doc.url, terms);
  return html`<li class="article" data-id="${doc.id}">
    <h3>${href ? html`<a href="${href}" rel="noopener noreferrer">${title}</a>` : title}</h3>
    <p class="meta">
      ${doc.published_at?.slice(0, 10) ?? 'undated'} · ${doc.source.name ?? doc.source.domain}
      (${doc.source.domain}) · ${doc.language ?? '?'} · feed ${doc.feed_id}
    </p>
    ${tags(doc)}
    <p class="snippet">${highlight(snippet(doc.body, terms), terms)}</p>
    ${evidence(doc)}
  </li>`;
}

/** The hit list: highlighted title and snippet, tags, and the evidence behind each tag. */
export function renderResults(result: SearchResult, terms: string[]): SafeHtml {
  const shown = result.hits.length;
  const heading = html`<h2 id="total" data-total="${result.total}">
    ${result.total}
    ${result.total === 1 ? 'article' : 'articles'}${shown < result.total ? ` (latest ${shown} shown)` : ''}
  </h2>`;
  return html`<section class="results">
    ${heading}
    <ol class="articles">
      ${result.hits.map((doc) => article(doc, terms))}
    </ol>
  </section>`;
}

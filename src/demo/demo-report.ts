import type { ArticleDocument } from '../core/document.js';
import type { ArticleStore } from '../core/store-types.js';

/** Plenty for the sample site's dozen articles. */
const ALL = 1_000;
const SAMPLE_HITS = 3;

export interface DemoReport {
  topics: { topic: string; articles: number }[];
  histogram: { bucket: string; count: number }[];
  samples: {
    title: string;
    url: string;
    topics: string[];
    countries: string[];
    pairs: string[];
    evidence: string[];
  }[];
}

function countTopics(docs: ArticleDocument[]): DemoReport['topics'] {
  const counts = new Map<string, number>();
  for (const doc of docs)
    for (const topic of doc.topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  return [...counts]
    .map(([topic, articles]) => ({ topic, articles }))
    .sort((a, b) => b.articles - a.articles);
}

/** "military-alliance: Militärbündnis (title 1, body 3)": why a tag was given, in one line. */
function evidenceLines(doc: ArticleDocument): string[] {
  return Object.entries(doc.topic_evidence.topics).map(([topic, ev]) => {
    const terms = ev.matches.map((m) => `${m.term} (${m.field} ${m.count})`).join(', ');
    return `${topic} (score ${ev.score}): ${terms}`;
  });
}

export async function buildDemoReport(store: ArticleStore): Promise<DemoReport> {
  const all = await store.search({ limit: ALL });
  const tagged = all.hits.filter((doc) => doc.topics.length > 0);
  return {
    topics: countTopics(all.hits),
    histogram: await store.histogram({ limit: ALL }, 'day'),
    samples: tagged.slice(0, SAMPLE_HITS).map((doc) => ({
      title: doc.title,
      url: doc.url,
      topics: doc.topics,
      countries: doc.countries,
      pairs: doc.pairs,
      evidence: evidenceLines(doc),
    })),
  };
}

import { POOL_DE } from '../../src/demo/pool-de.js';
import { POOL_EN } from '../../src/demo/pool-en.js';
import { POOL_RU } from '../../src/demo/pool-ru.js';
import { intBetween, pick, seededRandom, type Random } from '../../src/demo/seeded-random.js';
import { editCopy } from './stories-edit.js';
import { headline, makeTopic, paragraph, poolWords, type Topic } from './stories-text.js';

export interface BenchArticle {
  id: string;
  /** The id of the original this article copies, or its own id: the true story. */
  truth: string;
  role: 'original' | 'copy' | 'quoting';
  body: string;
  source_id: string;
  published_at: string;
  first_seen_at: string;
  credited_sources: string[];
}

/** Twenty topics per language: enough same-topic articles to tempt false joins. */
const TOPICS_PER_LANGUAGE = 20;
const OUTLETS = 200;
const MINUTE = 60_000;
const START = Date.UTC(2026, 0, 1);

function topics(random: Random): Topic[] {
  return [POOL_DE, POOL_EN, POOL_RU].flatMap((pool) => {
    const words = poolWords(pool);
    return Array.from({ length: TOPICS_PER_LANGUAGE }, () => makeTopic(random, pool, words));
  });
}

function article(
  fields: Omit<BenchArticle, 'published_at' | 'first_seen_at'>,
  publishedMs: number,
  random: Random,
): BenchArticle {
  // Feeds list an article up to three hours after publication.
  const seenMs = publishedMs + intBetween(random, 0, 180) * MINUTE;
  const iso = (ms: number) => new Date(ms).toISOString();
  return { ...fields, published_at: iso(publishedMs), first_seen_at: iso(seenMs) };
}

function originalParagraphs(random: Random, topic: Topic): string[] {
  return Array.from({ length: intBetween(random, 5, 12) }, () => paragraph(random, topic));
}

/** One original and 0 to 5 copies by other outlets (one in ten on a mirror of the original's). */
function story(random: Random, topic: Topic, n: number): BenchArticle[] {
  const id = `a${n}`;
  const source = `outlet-${intBetween(random, 1, OUTLETS)}`;
  const paragraphs = originalParagraphs(random, topic);
  const body = [headline(random, topic), ...paragraphs].join('\n\n');
  const time = START + n * MINUTE;
  const out = [
    article(
      { id, truth: id, role: 'original', body, source_id: source, credited_sources: [] },
      time,
      random,
    ),
  ];
  for (let c = 1; c <= intBetween(random, 0, 5); c++) {
    const copySource = random() < 0.1 ? source : `outlet-${intBetween(random, 1, OUTLETS)}`;
    const credited = random() < 0.5;
    const text = editCopy(random, topic, paragraphs, credited ? source : undefined);
    const fields = {
      id: `${id}c${c}`,
      truth: id,
      role: 'copy' as const,
      body: text,
      source_id: copySource,
    };
    const delay = intBetween(random, 5, 360) * MINUTE;
    out.push(
      article({ ...fields, credited_sources: credited ? [source] : [] }, time + delay, random),
    );
  }
  return out;
}

/** An unrelated article on the same topic that quotes one paragraph of an earlier original. */
function quoting(random: Random, topic: Topic, n: number, quoted: string): BenchArticle {
  const paragraphs = originalParagraphs(random, topic);
  paragraphs.splice(intBetween(random, 0, paragraphs.length), 0, quoted);
  const body = [headline(random, topic), ...paragraphs].join('\n\n');
  const fields = { id: `q${n}`, truth: `q${n}`, role: 'quoting' as const, body };
  return article(
    { ...fields, source_id: `outlet-${intBetween(random, 1, OUTLETS)}`, credited_sources: [] },
    START + n * MINUTE,
    random,
  );
}

/** `size` articles in the order a crawler sees them (first_seen_at). Deterministic per seed. */
export function generateCorpus(size: number, seed: number): BenchArticle[] {
  const random = seededRandom(seed);
  const all = topics(random);
  const quotable = new Map<Topic, string>();
  const out: BenchArticle[] = [];
  for (let n = 0; out.length < size; n++) {
    const topic = pick(random, all);
    const prior = quotable.get(topic);
    if (prior !== undefined && random() < 0.2) out.push(quoting(random, topic, n, prior));
    else out.push(...story(random, topic, n));
    quotable.set(topic, (out[out.length - 1] as BenchArticle).body.split('\n\n')[1] as string);
  }
  return out.slice(0, size).sort((a, b) => a.first_seen_at.localeCompare(b.first_seen_at));
}

// Our own small archive for the serve tests: three languages, topics and pairs spread over
// several weeks, and one hostile article whose title, body and link try to run script.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ArticleDocument } from '../../src/core/document.js';
import { silentLogger } from '../../src/core/logger.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';

const NO_EVIDENCE: ArticleDocument['topic_evidence'] = {
  topics: {},
  countries: {},
  actors: {},
  pairs: {},
};

export const HOSTILE_TITLE =
  '<img src=x onerror="window.pwned=1">Bündnis <script>window.pwned=2</script>';

interface Sketch {
  id: string;
  day: string;
  language: 'de' | 'en' | 'ru';
  title: string;
  topics: string[];
  pairs: string[];
}

const SKETCHES: Sketch[] = [
  {
    id: 'a1',
    day: '2026-10-05',
    language: 'de',
    title: 'Bündnis zwischen Moskau und Peking vertieft',
    topics: ['military-alliance'],
    pairs: ['CN-RU'],
  },
  {
    id: 'a2',
    day: '2026-10-07',
    language: 'en',
    title: 'Alliance talks between Moscow and Beijing',
    topics: ['military-alliance'],
    pairs: ['CN-RU'],
  },
  {
    id: 'a3',
    day: '2026-10-14',
    language: 'ru',
    title: 'Союз Москвы и Пекина укрепляется',
    topics: ['military-alliance'],
    pairs: ['CN-RU'],
  },
  {
    id: 'a4',
    day: '2026-10-15',
    language: 'de',
    title: 'Neues Bündnis im Pazifik angekündigt',
    topics: ['military-alliance'],
    pairs: ['AU-US'],
  },
  {
    id: 'a5',
    day: '2026-10-28',
    language: 'de',
    title: 'Bündnis berät über gemeinsame Manöver',
    topics: ['military-alliance', 'nato'],
    pairs: ['CN-RU'],
  },
  {
    id: 'a6',
    day: '2026-11-02',
    language: 'en',
    title: 'Grain exports rise after harvest',
    topics: ['trade'],
    pairs: [],
  },
  {
    id: 'a7',
    day: '2026-11-03',
    language: 'de',
    title: 'Bündnis der Getreidehändler wächst',
    topics: ['trade'],
    pairs: [],
  },
  {
    id: 'a8',
    day: '2026-11-11',
    language: 'de',
    title: 'Bündnis zwischen Russland und China: Manöver im Herbst',
    topics: ['military-alliance'],
    pairs: ['CN-RU'],
  },
];

function fromSketch(s: Sketch): ArticleDocument {
  return {
    id: s.id,
    url: `https://news.example/${s.language}/${s.id}.html`,
    title: s.title,
    body: `${s.title}. Ein Bericht, den wir selbst geschrieben haben, über das Bündnis und seine Folgen.`,
    authors: ['Redaktion'],
    published_at: `${s.day}T09:30:00Z`,
    first_seen_at: `${s.day}T09:35:00Z`,
    fetched_at: `${s.day}T09:36:00Z`,
    language: s.language,
    feed_id: `wire-${s.language}`,
    source: { name: `Wire ${s.language.toUpperCase()}`, domain: 'news.example', country: 'DE' },
    topics: s.topics,
    topic_evidence: {
      ...NO_EVIDENCE,
      topics: Object.fromEntries(
        s.topics.map((t) => [
          t,
          { score: 3, matches: [{ term: 'bündnis', field: 'title', count: 1 }] },
        ]),
      ),
    },
    countries: s.pairs.flatMap((p) => p.split('-')),
    country_mentions: s.pairs.flatMap((p) => p.split('-')),
    actors: [],
    pairs: s.pairs,
    cites: [],
    content_hash: `hash-${s.id}`,
    tagger_version: 'test',
  };
}

const hostile: ArticleDocument = {
  ...fromSketch(SKETCHES[0]!),
  id: 'evil',
  url: 'javascript:window.pwned=3',
  title: HOSTILE_TITLE,
  body: '</p><script>window.pwned=4</script><b>Bündnis</b> " onmouseover="window.pwned=5',
  source: { name: '<i>Evil</i>', domain: 'evil.example' },
  published_at: '2026-10-21T12:00:00Z',
};

export const SERVE_DOCUMENTS: ArticleDocument[] = [...SKETCHES.map(fromSketch), hostile];

export interface ServeFixture {
  sqlite: SqliteStore;
  server: RunningServer;
  dir: string;
  close(): Promise<void>;
}

/** An embedded store in a temp dir holding SERVE_DOCUMENTS, served on a free loopback port. */
export async function startServeFixture(label: string): Promise<ServeFixture> {
  const dir = mkdtempSync(path.join(tmpdir(), `presswatch-${label}-`));
  const sqlite = openSqliteStore({ dataDir: dir, logger: silentLogger() });
  await sqlite.articles.putMany(SERVE_DOCUMENTS);
  const server = await startServer({
    store: sqlite.articles,
    logger: silentLogger(),
    host: '127.0.0.1',
    port: 0,
  });
  return {
    sqlite,
    server,
    dir,
    close: async () => {
      await server.close();
      await sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

import type { ArticleDocument } from '../core/document.js';
import { createExtractionPool } from '../articles/pool/index.js';
import { timedPutMany } from '../metrics/index.js';
import { urlIdentity } from '../feeds/index.js';
import { createArticleStage } from '../pipeline/article-stage.js';
import { createPollStage } from '../pipeline/poll-stage.js';
import { politeClient } from '../pipeline/polite-get.js';
import { createStoryStage } from '../pipeline/story-stage.js';
import { sourceDirectory } from '../stories/index.js';
import { BulkWriter, type BulkWriterOptions } from '../store/bulk-writer.js';
import type { Runtime } from './runtime.js';

/**
 * The pipeline's stages wired to one runtime, the same for both runners: polite HTTP for feeds
 * and pages, extraction on its worker thread, and one bulk writer per process.
 */
export function wireStages(runtime: Runtime, bulk: BulkWriterOptions) {
  const http = politeClient(runtime.http, runtime.gate);
  const now = () => new Date();
  const { feedState, articles } = runtime;
  const extraction = createExtractionPool();
  const writer = new BulkWriter(
    timedPutMany((docs) => articles.putMany(docs)),
    bulk,
  );
  const story = createStoryStage({
    articles,
    directory: sourceDirectory(runtime.config.sources),
    amend: (updates) => writer.inSequence(() => articles.updateStoryFields(updates)),
  });
  return {
    poll: createPollStage({
      http,
      feedState,
      articles,
      identity: urlIdentity(runtime.config.dedupe),
      now,
    }),
    article: createArticleStage({ http, tagger: runtime.tagger, now, extract: extraction.extract }),
    // The story is chosen at the last moment before the buffer, where it sees the most.
    write: async (doc: ArticleDocument) => writer.write(await story(doc)),
    flush: () => writer.flush(),
    /** After the stages' callers have stopped: flushes the last writes, ends the thread. */
    close: () => Promise.all([writer.close(), extraction.close()]).then(() => undefined),
  };
}

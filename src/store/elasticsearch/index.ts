import type { Client } from '@elastic/elasticsearch';
import type { EnvConfig } from '../../config/env.js';
import type { ArticleDocument } from '../../core/document.js';
import { ConfigError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type {
  ArticleStore,
  HistogramBucket,
  HistogramInterval,
  HistogramOptions,
  PutOutcome,
  ScanOptions,
  SearchQuery,
  SearchResult,
  StoryFieldUpdate,
  StoryFields,
} from '../../core/store-types.js';
import { bulkIndex } from './bulk.js';
import { createClient, unavailable, type ConnectionOptions } from './client.js';
import { indexNames, type IndexNames } from './mapping.js';
import { histogramRequest, searchRequest } from './queries.js';
import { existingIds, getDocument, histogramBuckets, searchResult } from './reads.js';
import { scanDocuments } from './scan.js';
import { setUpIndices } from './setup.js';
import { freshnessOf } from './freshness.js';
import type { FeedFreshness } from '../../core/store-types.js';
import { storyCandidates, storyMembers } from './story-reads.js';
import { updateStoryFields } from './story-updates.js';

export interface ElasticsearchStoreOptions extends ConnectionOptions {
  indexPrefix: string;
  logger: Logger;
}

export interface ElasticsearchStore extends ArticleStore {
  readonly names: IndexNames;
}

export function elasticsearchOptionsFromEnv(
  env: EnvConfig,
  logger: Logger,
): ElasticsearchStoreOptions {
  if (!env.ELASTICSEARCH_URL)
    throw new ConfigError(['ELASTICSEARCH_URL: required for Elasticsearch']);
  return {
    node: env.ELASTICSEARCH_URL,
    apiKey: env.ELASTICSEARCH_API_KEY,
    username: env.ELASTICSEARCH_USERNAME,
    password: env.ELASTICSEARCH_PASSWORD,
    caCert: env.ELASTICSEARCH_CA_CERT,
    indexPrefix: env.PRESSWATCH_INDEX_PREFIX,
    logger,
  };
}

export function createElasticsearchStore(options: ElasticsearchStoreOptions): ElasticsearchStore {
  return new ElasticsearchArticleStore(options);
}

class ElasticsearchArticleStore implements ElasticsearchStore {
  readonly names: IndexNames;
  private readonly client: Client;

  constructor(private readonly options: ElasticsearchStoreOptions) {
    this.client = createClient(options);
    this.names = indexNames(options.indexPrefix);
  }

  async setup(): Promise<void> {
    await this.call('setup', () => setUpIndices(this.client, this.names, this.options.logger));
  }

  async putMany(docs: ArticleDocument[]): Promise<PutOutcome[]> {
    if (docs.length === 0) return [];
    return bulkIndex(this.bulkTarget(), docs);
  }

  updateStoryFields(updates: StoryFieldUpdate[]): Promise<void> {
    return updateStoryFields(this.bulkTarget(), updates);
  }

  private bulkTarget() {
    return { client: this.client, alias: this.names.alias, node: this.options.node };
  }

  existing(ids: string[]): Promise<Set<string>> {
    return this.call('mget', () => existingIds(this.client, this.names.alias, ids));
  }

  get(id: string): Promise<ArticleDocument | undefined> {
    return this.call('get', () => getDocument(this.client, this.names.alias, id));
  }

  search(query: SearchQuery): Promise<SearchResult> {
    return this.call('search', async () => {
      const request = searchRequest(this.names.alias, query);
      return searchResult(await this.client.search<ArticleDocument>(request));
    });
  }

  histogram(
    query: SearchQuery,
    interval: HistogramInterval,
    options?: HistogramOptions,
  ): Promise<HistogramBucket[]> {
    return this.call('histogram', async () => {
      const request = histogramRequest(this.names.alias, query, interval, options);
      return histogramBuckets(await this.client.search(request));
    });
  }

  async *scan(options: ScanOptions): AsyncGenerator<ArticleDocument[]> {
    const batches = scanDocuments(this.client, this.names.alias, options);
    for (;;) {
      const next = await this.call('scan', () => batches.next());
      if (next.done) return;
      yield next.value;
    }
  }

  storyCandidates(lshKeys: string[], limit: number): Promise<StoryFields[]> {
    const request = { lshKeys, limit };
    return this.call('search', () => storyCandidates(this.client, this.names.alias, request));
  }

  storyMembers(storyId: string, limit: number): Promise<StoryFields[]> {
    const request = { storyId, limit };
    return this.call('search', () => storyMembers(this.client, this.names.alias, request));
  }

  freshness(since: string, until?: string): Promise<FeedFreshness[]> {
    const window = { since, until };
    return this.call('search', () => freshnessOf(this.client, this.names.alias, window));
  }

  async refresh(): Promise<void> {
    await this.call('refresh', () => this.client.indices.refresh({ index: this.names.alias }));
  }

  close(): Promise<void> {
    return this.client.close();
  }

  /** Every failure of a whole request means the store is unavailable for now. */
  private async call<T>(action: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (err) {
      throw unavailable(action, this.options.node, err);
    }
  }
}

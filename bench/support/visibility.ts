import { Client } from '@elastic/elasticsearch';

/**
 * Watches an index alias and records when each document first became searchable, so latency
 * is measured as an analyst sees it: from first seen in a feed to found by a search.
 */
export class VisibilityWatcher {
  readonly seenAt = new Map<string, { firstSeen: number; visible: number }>();
  private readonly client: Client;

  constructor(
    node: string,
    private readonly alias: string,
  ) {
    this.client = new Client({ node });
  }

  async tick(): Promise<number> {
    const response = await this.client.search<{ first_seen_at: string }>({
      index: this.alias,
      size: 10_000,
      _source: ['first_seen_at'],
      query: { bool: { must_not: { ids: { values: [...this.seenAt.keys()] } } } },
      ignore_unavailable: true,
    });
    const now = Date.now();
    for (const hit of response.hits.hits) {
      this.seenAt.set(hit._id!, {
        firstSeen: Date.parse(hit._source!.first_seen_at),
        visible: now,
      });
    }
    return this.seenAt.size;
  }

  latenciesMs(): number[] {
    return [...this.seenAt.values()].map((v) => v.visible - v.firstSeen).sort((a, b) => a - b);
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

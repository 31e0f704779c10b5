import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { requireServices } from '../support/services.js';
import { spawnCli } from '../support/cli.js';
import { exitOf, waitFor } from '../support/wait.js';

const { redisUrl, elasticsearchUrl } = requireServices();
/** No feeds: the processes start, serve metrics and enqueue nothing. */
const configDir = mkdtempSync(join(tmpdir(), 'pw-metrics-cli-'));
writeFileSync(join(configDir, 'feeds.yaml'), 'feeds: []\n');

/** A port free on loopback now: the worker is told it, as an operator would tell it one. */
async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  return port;
}

async function scrape(port: number): Promise<string | undefined> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

for (const command of ['worker', 'scheduler']) {
  test(`\`${command}\` serves /metrics when PRESSWATCH_METRICS_PORT is set`, async () => {
    const port = await freePort();
    const child = spawnCli([command, '--config', configDir], {
      ...process.env,
      REDIS_URL: redisUrl,
      ELASTICSEARCH_URL: elasticsearchUrl,
      PRESSWATCH_INDEX_PREFIX: `pw-metrics-cli-${randomBytes(4).toString('hex')}`,
      PRESSWATCH_METRICS_PORT: String(port),
    });
    try {
      const text = await waitFor('/metrics', () => scrape(port), 30_000);
      assert.match(text, /presswatch_queue_jobs\{queue="article",state="waiting"\} 0/);
      assert.match(text, /# TYPE presswatch_jobs_total counter/);
    } finally {
      child.kill('SIGTERM');
      await exitOf(child);
    }
  });
}

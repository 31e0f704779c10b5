import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../core/logger.js';
import { DATABASE_FILE_NAME } from '../store/sqlite/index.js';
import { createInlineRunner, type ProgressListener } from '../workers/inline/runner.js';
import { openRuntime } from '../workers/runtime.js';
import type { RunSummary } from '../workers/summary.js';
import { demoConfig, DEMO_SITE_ROOT } from './demo-config.js';
import { buildDemoReport, type DemoReport } from './demo-report.js';
import { startFixtureSite } from './fixture-site.js';

export interface DemoResult {
  siteUrl: string;
  dataDir: string;
  summary: RunSummary;
  report: DemoReport;
}

/** Each demo starts from an empty archive so that it always shows a full ingest. */
function removeDemoDatabase(dataDir: string): void {
  for (const suffix of ['', '-wal', '-shm'])
    rmSync(join(dataDir, DATABASE_FILE_NAME + suffix), { force: true });
}

/**
 * The offline demo: serves our sample news site on 127.0.0.1, runs the main job once on the
 * embedded default against it, and reports what was found.
 */
export async function runDemo(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  logger: Logger,
  onProgress?: ProgressListener,
): Promise<DemoResult> {
  const site = await startFixtureSite({ root: DEMO_SITE_ROOT });
  try {
    removeDemoDatabase(dataDir);
    const config = demoConfig(site.url, dataDir, env);
    const runtime = await openRuntime(config, logger);
    try {
      await runtime.articles.setup();
      const runner = createInlineRunner(runtime, onProgress);
      const summary = await runner.runFeeds(config.feeds).finally(() => runner.close());
      return {
        siteUrl: site.url,
        dataDir,
        summary,
        report: await buildDemoReport(runtime.articles),
      };
    } finally {
      await runtime.close();
    }
  } finally {
    await site.close();
  }
}

import { Command } from 'commander';
import { runDemo, type DemoResult } from '../../demo/run-demo.js';
import { createLogger } from '../../core/logger.js';
import { writeJsonLine, writeLine } from '../output.js';
import { printHistogram } from '../search-output.js';
import { printSummary } from '../summary-output.js';
import { progressLine } from '../progress.js';
import { EXIT_FAILURE, EXIT_OK, type CliCommand } from '../types.js';

interface DemoOptions {
  dataDir: string;
  json?: boolean;
}

function printReport(
  out: NodeJS.WritableStream,
  { siteUrl, dataDir, summary, report }: DemoResult,
): void {
  writeLine(out, `presswatch demo: our sample news site at ${siteUrl}, archive in ${dataDir}\n`);
  printSummary(out, summary);
  writeLine(out, '\narticles per topic:');
  for (const { topic, articles } of report.topics)
    writeLine(out, `  ${topic.padEnd(26)} ${articles}`);
  writeLine(out, '\narticles per day:');
  printHistogram(out, report.histogram);
  writeLine(out, '\nsample hits, with why they were tagged:');
  for (const hit of report.samples) {
    writeLine(out, `  ${hit.title}\n    ${hit.url}`);
    writeLine(
      out,
      `    countries ${hit.countries.join(' ') || '-'}; pairs ${hit.pairs.join(' ') || '-'}`,
    );
    for (const line of hit.evidence) writeLine(out, `    ${line}`);
  }
  writeLine(
    out,
    `\nsearch it yourself: PRESSWATCH_DATA_DIR=${dataDir} npx presswatch search Militärbündnis`,
  );
}

export const demoCommand: CliCommand = {
  build: (io, run) =>
    new Command('demo')
      .description(
        'offline demo on the embedded default: serve our sample site locally, ingest it, report',
      )
      .option('--data-dir <dir>', 'where the demo archive goes', 'data/demo')
      .option('--json', 'print the result as one JSON line')
      .action((options: DemoOptions) =>
        run(async () => {
          const logger = createLogger(io.env.LOG_LEVEL ?? 'warn');
          const progress = progressLine(io.stderr);
          const result = await runDemo(options.dataDir, io.env, logger, (s) => progress.update(s));
          progress.done(result.summary);
          if (options.json) writeJsonLine(io.stdout, result);
          else printReport(io.stdout, result);
          return result.summary.articles.indexed > 0 ? EXIT_OK : EXIT_FAILURE;
        }, options),
      ),
};

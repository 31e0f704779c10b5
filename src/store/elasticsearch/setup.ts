import type { Client } from '@elastic/elasticsearch';
import type { Logger } from '../../core/logger.js';
import { responseErrorType, responseStatus } from './client.js';
import { indexTemplate, type AnalyzerProfile, type IndexNames } from './mapping.js';

/**
 * Whether the cluster has the language analyzers (module analysis-common). Full Elasticsearch
 * does; the integration-test distribution does not and answers 400 "failed to find analyzer".
 */
export async function probeAnalyzerProfile(client: Client): Promise<AnalyzerProfile> {
  try {
    await client.indices.analyze({ analyzer: 'german', text: 'Bündnisse' });
    return 'language';
  } catch (err) {
    if (responseStatus(err) === 400) return 'standard';
    throw err;
  }
}

async function createFirstIndex(client: Client, names: IndexNames): Promise<void> {
  try {
    await client.indices.create({
      index: names.firstIndex,
      aliases: { [names.alias]: { is_write_index: true } },
    });
  } catch (err) {
    // Another process's setup won the race, or an earlier setup stopped before the alias.
    if (!isAlreadyExists(err)) throw err;
    await client.indices.updateAliases({
      actions: [{ add: { index: names.firstIndex, alias: names.alias, is_write_index: true } }],
    });
  }
}

function isAlreadyExists(err: unknown): boolean {
  return responseErrorType(err) === 'resource_already_exists_exception';
}

/**
 * Creates or updates the template, the first index and the write alias. Re-running replaces the
 * template and adds new fields to the live index (a template applies only to indices created
 * after it); a change Elasticsearch cannot apply in place fails loudly.
 */
export async function setUpIndices(
  client: Client,
  names: IndexNames,
  logger: Logger,
): Promise<AnalyzerProfile> {
  const profile = await probeAnalyzerProfile(client);
  if (profile === 'standard') {
    logger.warn(
      { alias: names.alias },
      'Elasticsearch lacks language analyzers (module analysis-common): indexing all text with the standard analyzer',
    );
  }
  const template = indexTemplate(names, profile);
  await client.indices.putIndexTemplate(template);
  if (await client.indices.existsAlias({ name: names.alias })) {
    await client.indices.putMapping({ index: names.alias, ...template.template?.mappings });
  } else {
    await createFirstIndex(client, names);
  }
  logger.info({ alias: names.alias, profile }, 'Elasticsearch indices ready');
  return profile;
}

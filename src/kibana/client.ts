import { z } from 'zod';
import { PresswatchError } from '../core/errors.js';

/** Kibana could not be reached, or refused some of the objects: `setup` fails with the reasons. */
export class KibanaImportError extends PresswatchError {
  readonly code = 'KIBANA_IMPORT';
  readonly disposition = 'retryable';
}

// A cold Kibana answers its first import slowly while it loads the saved-object types.
const IMPORT_TIMEOUT_MS = 60_000;

const importResponse = z.object({
  success: z.boolean(),
  successCount: z.number(),
  errors: z
    .array(
      z.object({ type: z.string(), id: z.string(), error: z.object({ type: z.string() }).loose() }),
    )
    .optional(),
});

export interface ImportOutcome {
  imported: number;
}

function failures(errors: z.output<typeof importResponse>['errors']): string {
  return (errors ?? []).map((e) => `${e.type} ${e.id}: ${JSON.stringify(e.error)}`).join('; ');
}

/** Elasticsearch credentials, which Kibana of the same stack accepts as they are. */
export interface KibanaCredentials {
  apiKey?: string;
  username?: string;
  password?: string;
}

/** `ApiKey <encoded>` or HTTP Basic, the two schemes Kibana's API takes; none without security. */
export function authorizationHeader(credentials: KibanaCredentials): string | undefined {
  if (credentials.apiKey) return `ApiKey ${credentials.apiKey}`;
  if (credentials.username === undefined) return undefined;
  const pair = `${credentials.username}:${credentials.password ?? ''}`;
  return `Basic ${Buffer.from(pair).toString('base64')}`;
}

/**
 * POST /api/saved_objects/_import?overwrite=true with the objects as an NDJSON file: objects keep
 * their ids, so importing again replaces them in place.
 */
export async function importSavedObjects(
  kibanaUrl: string,
  ndjson: string,
  authorization?: string,
): Promise<ImportOutcome> {
  const form = new FormData();
  form.append('file', new Blob([ndjson], { type: 'application/ndjson' }), 'presswatch.ndjson');
  const url = new URL(
    'api/saved_objects/_import?overwrite=true',
    kibanaUrl.endsWith('/') ? kibanaUrl : `${kibanaUrl}/`,
  );
  let response: Response;
  try {
    // kbn-xsrf: Kibana refuses API writes without it (cross-site request protection).
    response = await fetch(url, {
      method: 'POST',
      headers: { 'kbn-xsrf': 'presswatch', ...(authorization && { authorization }) },
      body: form,
      signal: AbortSignal.timeout(IMPORT_TIMEOUT_MS),
    });
  } catch (err) {
    throw new KibanaImportError(`Kibana at ${kibanaUrl} unreachable: ${String(err)}`, {
      cause: err,
      context: { url: kibanaUrl },
    });
  }
  const text = await response.text();
  if (!response.ok) {
    throw new KibanaImportError(
      `Kibana import answered ${response.status}: ${text.slice(0, 500)}`,
      { context: { url: kibanaUrl, status: response.status } },
    );
  }
  const parsed = importResponse.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new KibanaImportError(`Kibana import answered an unexpected body: ${text.slice(0, 500)}`);
  if (!parsed.data.success)
    throw new KibanaImportError(`Kibana refused saved objects: ${failures(parsed.data.errors)}`);
  return { imported: parsed.data.successCount };
}

import { authorizationHeader, importSavedObjects, type KibanaCredentials } from './client.js';
import { kibanaObjects, kibanaIds, toNdjson } from './objects.js';

export interface ProvisionResult {
  imported: number;
  dashboardId: string;
}

/** Creates or updates the data view and the "Geopolitical coverage" dashboard for a prefix. */
export async function provisionKibana(
  kibanaUrl: string,
  prefix: string,
  credentials: KibanaCredentials = {},
): Promise<ProvisionResult> {
  const ndjson = toNdjson(kibanaObjects(prefix));
  const { imported } = await importSavedObjects(
    kibanaUrl,
    ndjson,
    authorizationHeader(credentials),
  );
  return { imported, dashboardId: kibanaIds(prefix).dashboard };
}

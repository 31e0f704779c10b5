import { importSavedObjects } from './client.js';
import { kibanaObjects, kibanaIds, toNdjson } from './objects.js';

export interface ProvisionResult {
  imported: number;
  dashboardId: string;
}

/** Creates or updates the data view and the "Geopolitical coverage" dashboard for a prefix. */
export async function provisionKibana(kibanaUrl: string, prefix: string): Promise<ProvisionResult> {
  const { imported } = await importSavedObjects(kibanaUrl, toNdjson(kibanaObjects(prefix)));
  return { imported, dashboardId: kibanaIds(prefix).dashboard };
}

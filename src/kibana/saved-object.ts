/** One Kibana saved object as the import API reads it: one NDJSON line each. */
export interface SavedObject {
  type: 'index-pattern' | 'lens' | 'search' | 'dashboard';
  id: string;
  attributes: Record<string, unknown>;
  references: SavedObjectReference[];
  coreMigrationVersion: string;
  typeMigrationVersion: string;
}

export interface SavedObjectReference {
  type: string;
  id: string;
  name: string;
}

/** The core migration level of Kibana 8.8 and later: our objects need nothing older. */
export const CORE_MIGRATION_VERSION = '8.8.0';

/**
 * Per type, the migration level our objects are written at (as Kibana 8.x exports carry it):
 * Kibana runs every later migration on import, so they come out current in 8.19.
 */
export const TYPE_MIGRATION_VERSION: Record<SavedObject['type'], string> = {
  'index-pattern': '7.11.0',
  lens: '8.9.0',
  search: '8.0.0',
  dashboard: '8.7.0',
};

export function savedObject(
  type: SavedObject['type'],
  id: string,
  attributes: Record<string, unknown>,
  references: SavedObjectReference[],
): SavedObject {
  return {
    type,
    id,
    attributes,
    references,
    coreMigrationVersion: CORE_MIGRATION_VERSION,
    typeMigrationVersion: TYPE_MIGRATION_VERSION[type],
  };
}

/**
 * Version of the tagging code (tokeniser, matching and scoring rules): bump it whenever a change
 * here would tag a stored article differently. The version documents record also carries a hash
 * of the taxonomy files (see Taxonomy.version), so a config edit shows up without a bump.
 */
export const TAGGER_CODE_VERSION = '2026.11.2';

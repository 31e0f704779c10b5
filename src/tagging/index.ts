/** The tagger: a pure function of (title, body, language, taxonomy) → TagResult. */
export { createTagger, type TagInput, type Tagger } from './tagger.js';
export { loadTaxonomy, parseTaxonomy, type Taxonomy, type TaxonomySources } from './taxonomy.js';
export { detectLanguage } from './language.js';
export { TAGGER_CODE_VERSION as TAGGER_VERSION } from './version.js';

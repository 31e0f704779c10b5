import { z } from 'zod';
import { STEMMED_LANGUAGES } from './stemming.js';

/** Zod schemas of config/topics.yaml and config/gazetteer/*.yaml: field shape only. */

const Lang = z.enum(STEMMED_LANGUAGES);
const KebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case [a-z0-9-]');
const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code');
const Text = z.string().trim().min(1);
/** Proximity beyond a long sentence says nothing about the two words belonging together. */
export const MAX_WITHIN = 30;

export const TermSchema = z.strictObject({
  term: Text,
  /** Negative weights push a topic down (sports words against armed-conflict). */
  weight: z.number().refine((w) => w !== 0, 'must not be 0'),
  /** German only: also match as the first or last part of a longer compound word. */
  compound: z.boolean().optional(),
  /** Name of a `requires` or `excludes` group this term belongs to. */
  group: KebabId.optional(),
  /** Proximity: the term counts only with one of these words within `within` words of it. */
  near: z.array(Text).min(1).optional(),
  /** Words between the term and a `near` word, at most; needs `near`. */
  within: z.number().int().min(1).max(MAX_WITHIN).optional(),
});

const RequirementSchema = z.strictObject({
  groups: z.array(KebabId).min(1),
  /** The requirement also holds when this many different countries are mentioned. */
  min_countries: z.number().int().min(2).optional(),
});

const RelationId = z.enum(['alliance', 'sanctions', 'conflict', 'negotiation', 'cooperation']);

export const TopicSchema = z.strictObject({
  id: KebabId,
  labels: z.strictObject({ de: Text, en: Text, ru: Text, fr: Text }),
  iptc: z
    .string()
    .regex(/^medtop:\d{8}$/, 'must be an IPTC Media Topic code like medtop:11000000')
    .optional(),
  /** An umbrella topic: it is tagged whenever this topic is. */
  broader: KebabId.optional(),
  /**
   * The umbrella is tagged with this topic only when this many main countries are found: a civil
   * war or a national protest is not by itself about relations between states.
   */
  broader_min_countries: z.number().int().min(2).optional(),
  threshold: z.number().positive().optional(),
  title_weight: z.number().min(1).optional(),
  /** AND of ORs: each requirement needs one of its groups (or enough countries). */
  requires: z.array(RequirementSchema).optional(),
  /**
   * The relation of two main countries named in one sentence without a cue word, when this is
   * the article's strongest tagged topic that gives one (a war report: conflict).
   */
  relation: RelationId.optional(),
  /** NOT: the topic is not tagged when any term of these groups matched. */
  excludes: z.array(KebabId).min(1).optional(),
  terms: z.partialRecord(Lang, z.array(TermSchema).min(1)),
});

const CueSchema = z.strictObject({ term: Text, compound: z.boolean().optional() });

export const RelationSchema = z.strictObject({
  id: RelationId,
  cues: z.partialRecord(Lang, z.array(CueSchema).min(1)),
});

export const TopicsFileSchema = z.strictObject({
  defaults: z.strictObject({
    /** How much more a title match counts than a body match. */
    title_weight: z.number().min(1),
    threshold: z.number().positive(),
    /**
     * Article length normalisation: a score is divided by √(words / length_unit) once an article
     * is longer than this many words, so a long article needs denser evidence than a short one.
     */
    length_unit: z.number().int().positive(),
  }),
  topics: z.array(TopicSchema).min(1),
  /** In order of precedence: on a tie the earlier relation names the pair. */
  relations: z.array(RelationSchema).min(1),
});

const NamesByLang = z.partialRecord(Lang, z.array(Text).min(1));

export const CountriesFileSchema = z.strictObject({
  /** Dataset names too ambiguous to match alone (ru `Того` is also "of that"). */
  ignore: z.partialRecord(Lang, z.array(Text)),
  /** Names that are also a word of longer names: next to another capitalised word, that name. */
  in_longer_names: z.partialRecord(Lang, z.array(Text).min(1)).optional(),
  /** Names of other places too (Georgia, the US state): dropped when one of these words occurs. */
  other_places: z.partialRecord(Lang, z.record(Text, z.array(Text).min(1))).optional(),
  /** Capitals as written in `countries`: after one of `place_words` they are the city. */
  cities: z.partialRecord(Lang, z.array(Text).min(1)).optional(),
  place_words: z.partialRecord(Lang, z.array(Text).min(1)).optional(),
  countries: z.record(CountryCode, NamesByLang),
});

export const ActorSchema = z.strictObject({
  id: KebabId,
  kind: z.enum(['organisation', 'person']),
  /** A leader's country, which counts for country pairs in the sentence where the name stands. */
  country: CountryCode.optional(),
  names: NamesByLang,
});

export const ActorsFileSchema = z.strictObject({ actors: z.array(ActorSchema).min(1) });

export type TermSpec = z.infer<typeof TermSchema>;
export type TopicSpec = z.infer<typeof TopicSchema>;
export type RelationSpec = z.infer<typeof RelationSchema>;
export type TopicsFile = z.infer<typeof TopicsFileSchema>;
export type CountriesFile = z.infer<typeof CountriesFileSchema>;
export type ActorSpec = z.infer<typeof ActorSchema>;

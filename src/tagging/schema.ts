import { z } from 'zod';
import { STEMMED_LANGUAGES } from './stemming.js';

/** Zod schemas of config/topics.yaml and config/gazetteer/*.yaml: field shape only. */

const Lang = z.enum(STEMMED_LANGUAGES);
const KebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case [a-z0-9-]');
const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code');
const Text = z.string().trim().min(1);

export const TermSchema = z.strictObject({
  term: Text,
  /** Negative weights push a topic down (sports words against armed-conflict). */
  weight: z.number().refine((w) => w !== 0, 'must not be 0'),
  /** German only: also match as the first or last part of a longer compound word. */
  compound: z.boolean().optional(),
  /** Name of a `requires` group this term belongs to. */
  group: KebabId.optional(),
});

const RequirementSchema = z.strictObject({
  groups: z.array(KebabId).min(1),
  /** The requirement also holds when this many different countries are mentioned. */
  min_countries: z.number().int().min(2).optional(),
});

export const TopicSchema = z.strictObject({
  id: KebabId,
  labels: z.strictObject({ de: Text, en: Text, ru: Text, fr: Text }),
  iptc: z
    .string()
    .regex(/^medtop:\d{8}$/, 'must be an IPTC Media Topic code like medtop:11000000')
    .optional(),
  /** An umbrella topic: it is tagged whenever this topic is. */
  broader: KebabId.optional(),
  threshold: z.number().positive().optional(),
  title_weight: z.number().min(1).optional(),
  requires: z.array(RequirementSchema).optional(),
  terms: z.partialRecord(Lang, z.array(TermSchema).min(1)),
});

const CueSchema = z.strictObject({ term: Text, compound: z.boolean().optional() });

export const RelationSchema = z.strictObject({
  id: z.enum(['alliance', 'sanctions', 'conflict', 'negotiation', 'cooperation']),
  cues: z.partialRecord(Lang, z.array(CueSchema).min(1)),
});

export const TopicsFileSchema = z.strictObject({
  defaults: z.strictObject({
    /** How much more a title match counts than a body match. */
    title_weight: z.number().min(1),
    threshold: z.number().positive(),
  }),
  topics: z.array(TopicSchema).min(1),
  /** In order of precedence: on a tie the earlier relation names the pair. */
  relations: z.array(RelationSchema).min(1),
});

const NamesByLang = z.partialRecord(Lang, z.array(Text).min(1));

export const CountriesFileSchema = z.strictObject({
  /** Dataset names too ambiguous to match alone (ru `Того` is also "of that"). */
  ignore: z.partialRecord(Lang, z.array(Text)),
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

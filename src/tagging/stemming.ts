import snowball from 'snowball-stemmers';

/** The languages with topic terms and a Snowball stemmer. */
export const STEMMED_LANGUAGES = ['de', 'en', 'ru', 'fr'] as const;
export type Lang = (typeof STEMMED_LANGUAGES)[number];

const ALGORITHM: Record<Lang, string> = {
  de: 'german',
  en: 'english',
  ru: 'russian',
  fr: 'french',
};

/**
 * News vocabulary repeats heavily, so remembering stems is most of the tagger's speed. The memo
 * is dropped when it passes this many words, which bounds a long-running worker's memory
 * (about 20 MB at this size) while a single article never comes near it.
 */
const MEMO_LIMIT = 200_000;

export type Stem = (word: string) => string;

export function isStemmedLanguage(language: string): language is Lang {
  return (STEMMED_LANGUAGES as readonly string[]).includes(language);
}

/** Stems a normalised (lower-case) word; the German stemmer also folds umlauts (bündnis → bundnis). */
export function createStemmer(lang: Lang): Stem {
  const stemmer = snowball.newStemmer(ALGORITHM[lang]);
  const memo = new Map<string, string>();
  return (word) => {
    let stem = memo.get(word);
    if (stem === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      stem = stemmer.stem(word);
      memo.set(word, stem);
    }
    return stem;
  };
}

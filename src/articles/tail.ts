/**
 * What follows a story on many pages, inside the same container: calls to subscribe, share or
 * comment, "read more" and "about the author" boxes, source and picture credits, contact
 * lines. A short paragraph that says one of these is boilerplate wherever it sits.
 */
const BOILERPLATE_PHRASE = new RegExp(
  [
    'subscri(?:be|ption)',
    'newsletter',
    'abonn',
    'teilen',
    '\\bshare\\b',
    'kommentare?\\b',
    '\\bcomments?\\b',
    'mehr zum thema',
    'weitere (?:artikel|beiträge|informationen|infos|themen|tipps)',
    'lesen sie auch',
    'zum weiterlesen',
    'schon gelesen',
    'das könnte',
    'über den autor',
    'about the author',
    'copyright',
    '©',
    'all rights reserved',
    'alle rechte',
    'titelbild',
    'beitragsbild',
    'bildquelle',
    'fotos?:',
    'credits? photos?',
    '\\bkontakt\\b',
    'letzte änderung',
    'aktualisiert am',
    'last modified',
    'telegram',
    'youtube',
  ].join('|'),
  'i',
);
/** A credit or call is a line or two; a longer paragraph that names one is still prose. */
const MAX_BOILERPLATE_CHARS = 160;
/** At either end, a short line without a sentence mark is a label, a name or a link. */
const MAX_LABEL_CHARS = 40;
const SENTENCE_END = /[.!?…"“”»«)]$/;

/** "Quelle: TASS", "Source: Reuters", "~ de.rt.com": credits are kept, the cites come from them. */
const SOURCE_CREDIT = /^(?:~|(?:quellen?|sources?|источник(?:и)?)\s*:)/iu;

export function isBoilerplateLine(text: string): boolean {
  if (SOURCE_CREDIT.test(text)) return false;
  return text.length <= MAX_BOILERPLATE_CHARS && BOILERPLATE_PHRASE.test(text);
}

function isLabel(text: string): boolean {
  if (SOURCE_CREDIT.test(text)) return false;
  return text.length <= MAX_LABEL_CHARS && !SENTENCE_END.test(text);
}

/**
 * Drops labels before the story starts (a kicker, a section name, a credit) and labels or
 * boilerplate lines after it ends, keeping everything between.
 */
export function trimEnds<P extends Block>(paragraphs: P[]): P[] {
  let start = 0;
  while (start < paragraphs.length - 1 && isLeadingLabel(paragraphs[start] as P)) start += 1;
  let end = paragraphs.length;
  while (end > start + 1) {
    const text = (paragraphs[end - 1] as P).text;
    if (!isLabel(text) && !isBoilerplateLine(text)) break;
    end -= 1;
  }
  return paragraphs.slice(start, end);
}

/** A paragraph of rendered text; level 1–6 for headings, which may open the story. */
interface Block {
  text: string;
  level: number;
}

function isLeadingLabel(p: Block): boolean {
  return p.level === 0 && isLabel(p.text);
}

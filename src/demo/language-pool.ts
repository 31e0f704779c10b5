/** Everything a generated page needs in one language: chrome labels and our own sentence pools. */
export interface LanguagePool {
  language: 'de' | 'en' | 'ru';
  locale: string;
  outlet: string;
  /** Navigation labels; the header shows them twice (bar and drawer), as many sites do. */
  nav: string[];
  cookieText: string;
  cookieAccept: string;
  cookieReject: string;
  newsletterText: string;
  newsletterButton: string;
  relatedHeading: string;
  commentsHeading: string;
  bylinePrefix: string;
  footerLinks: string[];
  /** Headlines are a lead and a tail joined by a colon: many combinations from few lines. */
  headlineLeads: string[];
  headlineTails: string[];
  /** Sentences about alliances, sanctions, NATO, energy, the Belt and Road: work for the tagger. */
  geoSentences: string[];
  neutralSentences: string[];
  comments: string[];
  commenters: string[];
  authors: string[];
}

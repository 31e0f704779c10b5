export { decodeHtml, detectCharset } from './decode.js';
export { extractArticle, MIN_ARTICLE_CHARS } from './extract.js';

export { decodeFeed, detectEncoding } from './decode.js';
export { parseFeed, parseFeedDocument, type ParsedFeedDocument } from './parse.js';
export {
  canonicalizeUrl,
  documentId,
  documentRef,
  urlIdentity,
  type UrlIdentity,
} from './canonical-url.js';
export { dedupeRules, loadDedupeRules, type DedupeRules } from './dedupe-rules.js';
export { pollFeed, type PollResult, type Validators } from './poll.js';
export { scheduleNextCheck, type ScheduleInput } from './schedule.js';
export type { CacheHints } from './cache-hints.js';
export { adaptiveIntervalMs, hourActivity, type IntervalBounds } from './adaptive-interval.js';
export {
  logNewItems,
  medianGapMs,
  mergePublished,
  newItemsSince,
  volumeDropped,
  type NewItemLog,
} from './publishing-history.js';

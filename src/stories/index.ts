export { fingerprint, normalisedWords, type Fingerprint } from './fingerprint.js';
export { lshKeys } from './lsh.js';
export { similarity, containment } from './similarity.js';
export { assignStory, MIN_OVERLAP, MIN_SIMILARITY } from './assign.js';
export type { StoryAssignment, StoryMember, NewStoryDocument } from './assign.js';
export { creditedSources } from './credits.js';
export { sourceDirectory, type SourceDirectory } from './sources.js';
export { encodeFingerprint, decodeFingerprint } from './codec.js';
export { newStoryDocument } from './from-document.js';

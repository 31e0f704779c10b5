import type { MediaNs } from 'feedsmith';

/** media:content, directly on the item and inside media:group, as enclosures. */
export function mediaEnclosures(
  media: MediaNs.ItemOrFeed | undefined,
): { url?: string; type?: string; length?: number }[] {
  if (media === undefined) return [];
  const contents = [
    ...(media.contents ?? []),
    ...(media.groups ?? []).flatMap((g) => g.contents ?? []),
  ];
  return contents.map((content) => ({
    url: content.url,
    type: content.type,
    length: content.fileSize,
  }));
}

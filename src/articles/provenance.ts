/** A metadata value and where on the page it was found ("jsonld", "meta:og:title", "h1"...). */
export interface Sourced<T> {
  value?: T;
  source?: string;
}

/** The first candidate that has a value, most explicit first, with the name of its source. */
export function firstSourced<T>(candidates: [string, T | undefined][]): Sourced<T> {
  for (const [source, value] of candidates) {
    if (value !== undefined) return { value, source };
  }
  return {};
}

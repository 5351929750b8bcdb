/**
 * The codebook's tag names as the reader shows them in a highlight's hover title. The
 * reader knows nothing of the model: whoever composes it with annotations keeps this current
 * (the annotations gate, whenever the codebook changes), and painting only reads it, so no
 * model query runs while marks are painted.
 */

let names: ReadonlyMap<string, string> = new Map();

/** Replaces the names the reader shows (tag id → name). */
export function setTagNames(next: ReadonlyMap<string, string>): void {
  names = next;
}

/** The name of tag `id` as last set; undefined for an unknown tag. */
export function tagNameOf(id: string): string | undefined {
  return names.get(id);
}

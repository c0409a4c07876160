// The JSON text a store parsed an item from, kept beside the item for SnapshotState, which needs
// the state's JSON as it was read to tell at the end of the turn whether it changed. Stringifying
// the item again gives that same text (JSON.stringify(JSON.parse(text)) === text whenever
// JSON.stringify wrote the text, as our stores do), so the text is reused: one JSON.stringify less
// per turn. For text written otherwise (spaces, say) the state merely counts as changed and is
// written once more; it can never count as unchanged when it changed.
const texts = new WeakMap<object, string>();

/** JSON.parse, remembering the text when the result is an object. */
export function parseStored(text: string): unknown {
  const item: unknown = JSON.parse(text);
  if (item !== null && typeof item === 'object') texts.set(item, text);
  return item;
}

/** The text `item` was parsed from by parseStored, if it was. */
export function storedText(item: object): string | undefined {
  return texts.get(item);
}

/**
 * A count with its noun, as the app writes it in notices, summaries and previews: "1 note",
 * "2,500 notes", "1 reply", "3 replies". English wording, so English digit grouping too,
 * whatever the machine's locale.
 *
 * Environment-free: no DOM, no Node.
 */

/** "`count` `one`" or "`count` `many`" (`many` defaults to `one` + "s"), the count grouped by thousands. */
export function countWords(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

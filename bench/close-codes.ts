/**
 * What happened to each hostile socket in the attack benchmark (sync-attack.ts), tallied
 * and worded for its note: a websocket close code the server sent (named from
 * #shared/sync/protocol.ts), or a text outcome such as "HTTP 503" for an upgrade the server
 * refused. Pure, so the wording is tested on its own.
 */
import { CLOSE_CODES, REFUSAL_REASONS } from '#shared/sync/protocol.ts';

/** A close code, or a short text for an outcome without one. */
export type SocketOutcome = number | string;

/** One outcome and how many sockets ended that way. */
export interface OutcomeCount {
  readonly outcome: SocketOutcome;
  readonly count: number;
}

const NAMES: ReadonlyMap<SocketOutcome, string> = new Map<SocketOutcome, string>([
  [CLOSE_CODES.malformedMessage, REFUSAL_REASONS.malformedMessage],
  [CLOSE_CODES.tokenRevoked, REFUSAL_REASONS.tokenRevoked],
  [CLOSE_CODES.documentTooLarge, REFUSAL_REASONS.documentTooLarge],
  [CLOSE_CODES.updateRefused, REFUSAL_REASONS.updateRefused],
  [CLOSE_CODES.authenticationTimeout, 'authentication timed out'],
  [CLOSE_CODES.rateLimited, 'too many messages'],
  [CLOSE_CODES.serverFull, 'server memory limit reached'],
  [CLOSE_CODES.messageTooLarge, REFUSAL_REASONS.messageTooLarge],
  [CLOSE_CODES.goingAway, 'going away'],
  [1006, 'cut without a close frame'],
  ['HTTP 503', 'at the upgrade'],
]);

/** Counts each outcome; the most frequent first, ties ordered by the outcome's text. */
export function countOutcomes(outcomes: readonly SocketOutcome[]): OutcomeCount[] {
  const counts = new Map<SocketOutcome, number>();
  for (const outcome of outcomes) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  return [...counts]
    .map(([outcome, count]) => ({ outcome, count }))
    .sort((a, b) => b.count - a.count || (String(a.outcome) < String(b.outcome) ? -1 : String(a.outcome) > String(b.outcome) ? 1 : 0));
}

/** "2 × 4429 too many messages, 1 × HTTP 503 at the upgrade", or "none". */
export function describeOutcomes(outcomes: readonly SocketOutcome[]): string {
  const counted = countOutcomes(outcomes);
  if (counted.length === 0) return 'none';
  return counted
    .map(({ outcome, count }) => {
      const name = NAMES.get(outcome);
      return `${count} × ${outcome}${name ? ` ${name}` : ''}`;
    })
    .join(', ');
}

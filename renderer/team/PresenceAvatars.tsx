/**
 * Teammates online, as small round avatars in their colours with their initials; the
 * tooltip names them and the article each is reading. The local person is not shown.
 * Colour classes come from the presence stylesheet (no inline styles under the CSP).
 */
import { useEffect } from 'react';
import { initials } from '../sync/presence.ts';
import { sharedPresenceStylesheet } from '../sync/presence-stylesheet.ts';
import { colourClass } from '../sync/remote-selections-plugin.ts';
import type { TeamController } from '../sync/team-controller.ts';
import { usePeers } from './team-context.ts';

/** Props of {@link PresenceAvatars}. */
export interface PresenceAvatarsProps {
  readonly controller: TeamController;
  readonly documentTitle: (documentId: string) => string;
}

/** The avatars (nothing when nobody else is online). */
export function PresenceAvatars({ controller, documentTitle }: PresenceAvatarsProps) {
  const peers = usePeers(controller);
  useEffect(() => sharedPresenceStylesheet().update(peers.map((peer) => peer.member.colour)), [peers]);
  if (peers.length === 0) return null;
  return (
    <ul className="presence-avatars" aria-label="Teammates online" data-testid="presence-avatars">
      {peers.map((peer) => {
        const where = peer.documentId === null ? 'in the library' : `reading “${documentTitle(peer.documentId)}”`;
        return (
          <li
            key={peer.clientId}
            className={`presence-avatar ${colourClass(peer.member.colour)}`}
            title={`${peer.member.name} — ${where}`}
            data-testid="presence-avatar"
            data-member-name={peer.member.name}
            data-document-id={peer.documentId ?? ''}
          >
            <span aria-hidden="true">{initials(peer.member.name)}</span>
            <span className="visually-hidden">{`${peer.member.name}, ${where}`}</span>
          </li>
        );
      })}
    </ul>
  );
}

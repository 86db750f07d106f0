import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import { useUnlockedKeys } from '../../../crypto/key-store';
import { useHubRequest } from '../../../hub/hub-request';
import { useSession } from '../../auth/hooks/session';
import { useGroupPins } from '../../group-keys/hooks/pins';
import { hubClusterNotes } from '../utils/hub-cluster-notes';

export { NotesLockedError } from '../utils/notes-locked';

/**
 * Free text of the arrangement and referrals (a proposal's message, a
 * rejection's reason, a coordinator's comment, a referral note) never travels
 * in clear: it is a message sealed on this device to every participant and
 * coordinator (audience `parties_and_coordinators`), sent with the mutation as
 * `note`, and referred to by id in the history. The panels use this seam: the
 * hub-client implementation, or a test's through `ClusterNotesContext`.
 */
export type NoteAbout = 'proposal' | 'answer' | 'decision' | 'comment' | 'reopen' | 'referral';

export interface NoteScope {
  clusterId: string;
  workingGroupId: string;
}

export interface SealedNote {
  messageId: string;
  audience: 'parties_and_coordinators';
  copies: readonly { userId: string; sealed: string }[];
}

export interface ClusterNotes {
  /** False while the viewer's keys are locked in this tab: nothing can be sealed or opened. */
  ready: boolean;
  /** Seals `text` for the cluster's current recipients; rejects with NotesLockedError when locked. */
  seal(scope: NoteScope, text: string, about: NoteAbout): Promise<SealedNote>;
  /** The texts of those notes this viewer holds a copy of and could verify (others are absent). */
  open(scope: NoteScope, messageIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

/** Set by tests (and stories) to stand in for the hub and the keys. */
export const ClusterNotesContext = createContext<ClusterNotes | null>(null);

export function useClusterNotes(workingGroupId: string): ClusterNotes {
  const injected = useContext(ClusterNotesContext);
  const request = useHubRequest();
  const { viewer } = useSession();
  const keys = useUnlockedKeys(viewer?.user.id);
  const pins = useGroupPins(workingGroupId);
  const real = useMemo(
    () => hubClusterNotes({ request, owner: keys, pins }),
    [request, keys, pins],
  );
  return injected ?? real;
}

/**
 * The texts of the notes a history refers to, opened on this device; a note
 * the viewer holds no copy of (sent before it joined, or never addressed to
 * it) simply has no text. `ready` is false while the keys are locked.
 */
export function useArrangementNoteTexts(
  scope: NoteScope,
  messageIds: readonly string[],
): { ready: boolean; texts: ReadonlyMap<string, string> } {
  const notes = useClusterNotes(scope.workingGroupId);
  const [texts, setTexts] = useState<ReadonlyMap<string, string>>(new Map());
  const key = [...messageIds].sort().join(',');
  const { clusterId, workingGroupId } = scope;
  useEffect(() => {
    if (!key || !notes.ready) return;
    let live = true;
    notes
      .open({ clusterId, workingGroupId }, key.split(','))
      .then((opened) => {
        if (live) setTexts(opened);
      })
      // A note that cannot be opened is shown as not readable, never as an error.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [notes, clusterId, workingGroupId, key]);
  return { ready: notes.ready, texts };
}

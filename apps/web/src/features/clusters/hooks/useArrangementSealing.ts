import { useState } from 'react';
import type { MessageId } from '../../../i18n/messages';
import {
  NotesLockedError,
  useClusterNotes,
  type NoteAbout,
  type NoteScope,
  type SealedNote,
} from './useArrangementNotes';

/**
 * Seals the free text of one action before it is sent. Empty text seals
 * nothing (null: no note); a failure (keys locked, no certified recipient)
 * is kept as a message for the form and yields false: nothing is sent.
 */
export function useNoteSealing(scope: NoteScope) {
  const notes = useClusterNotes(scope.workingGroupId);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<MessageId | null>(null);

  async function seal(text: string, about: NoteAbout): Promise<SealedNote | null | false> {
    setProblem(null);
    const trimmed = text.trim();
    if (!trimmed) return null;
    setBusy(true);
    try {
      return await notes.seal(scope, trimmed, about);
    } catch (error) {
      setProblem(
        error instanceof NotesLockedError ? 'arrangement.noteLocked' : 'arrangement.noteFailed',
      );
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { seal, busy, problem, reset: () => setProblem(null) };
}

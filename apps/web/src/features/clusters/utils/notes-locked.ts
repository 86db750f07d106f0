/** Thrown when a note is to be sealed while the viewer's keys are locked in this tab. */
export class NotesLockedError extends Error {
  constructor() {
    super('Keys locked');
    this.name = 'NotesLockedError';
  }
}

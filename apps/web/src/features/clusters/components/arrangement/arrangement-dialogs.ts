import type { MessageId } from '../../../../i18n/messages';

/** The actions that ask for a text first, and how their dialog reads. */
export type NoteDialogKind = 'reject' | 'comment' | 'reopen' | 'grant' | 'refuse';

export const NOTE_DIALOGS: Readonly<
  Record<
    NoteDialogKind,
    { title: MessageId; label: MessageId; submit: MessageId; required: boolean }
  >
> = {
  reject: {
    title: 'arrangement.rejectTitle',
    label: 'arrangement.rejectReason',
    submit: 'arrangement.action.reject',
    required: true,
  },
  comment: {
    title: 'arrangement.commentTitle',
    label: 'arrangement.commentLabel',
    submit: 'arrangement.action.comment',
    required: true,
  },
  reopen: {
    title: 'arrangement.reopenTitle',
    label: 'arrangement.reopenReason',
    submit: 'arrangement.action.request_reopen',
    required: true,
  },
  grant: {
    title: 'arrangement.grantTitle',
    label: 'arrangement.answerNote',
    submit: 'arrangement.action.grant',
    required: true,
  },
  refuse: {
    title: 'arrangement.refuseTitle',
    label: 'arrangement.answerNote',
    submit: 'arrangement.action.refuse',
    required: true,
  },
};

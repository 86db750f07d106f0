import { describe, expect, it } from 'vitest';
import { overlapActions } from './overlap-actions';

const fresh = {
  retractedAt: null,
  myVerdict: null,
  contactStatus: 'none',
  contactRequestedByMe: false,
};

describe('what may be done about an overlap', () => {
  it('a new overlap: confirm, mark as false match, request contact', () => {
    expect(overlapActions(fresh, true)).toEqual(['confirm', 'markFalseMatch', 'requestContact']);
  });

  it('nothing for people who do not act on overlaps, nor on a retracted overlap', () => {
    expect(overlapActions(fresh, false)).toEqual([]);
    expect(overlapActions({ ...fresh, retractedAt: '2025-01-01T00:00:00Z' }, true)).toEqual([]);
  });

  it('a verdict is given once; a false match is not followed by a contact request', () => {
    expect(overlapActions({ ...fresh, myVerdict: 'confirmed' }, true)).toEqual(['requestContact']);
    expect(overlapActions({ ...fresh, myVerdict: 'false_match' }, true)).toEqual([]);
  });

  it('contact: the requester waits, the other side answers', () => {
    const requested = { ...fresh, contactStatus: 'requested' };
    expect(overlapActions({ ...requested, contactRequestedByMe: true }, true)).toEqual([
      'confirm',
      'markFalseMatch',
    ]);
    expect(overlapActions(requested, true)).toEqual([
      'confirm',
      'markFalseMatch',
      'acceptContact',
      'declineContact',
    ]);
    expect(
      overlapActions({ ...fresh, contactStatus: 'accepted', myVerdict: 'confirmed' }, true),
    ).toEqual([]);
  });

  it('after a refusal: the refused side does not ask again; the side that refused still may', () => {
    const declined = { ...fresh, contactStatus: 'declined' };
    expect(
      overlapActions({ ...declined, contactRequestedByMe: true, myVerdict: 'confirmed' }, true),
    ).toEqual([]);
    expect(overlapActions({ ...declined, myVerdict: 'confirmed' }, true)).toEqual([
      'requestContact',
    ]);
  });
});

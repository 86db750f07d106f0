import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_REFERRAL_AUTHORITIES } from '@parallax/domain';
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../common/runtime.js';
import { ReferralAuthorities } from './referral-authorities.js';

const runtimeWith = (file?: string) =>
  ({ config: { REFERRAL_AUTHORITIES_FILE: file } }) as unknown as Runtime;

function fileWith(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'authorities-')), 'authorities.json');
  writeFileSync(path, content);
  return path;
}

describe('the list of referral authorities', () => {
  it('is the built-in list, then other, when no file is configured', () => {
    const list = new ReferralAuthorities(runtimeWith());
    expect(list.all().map((a) => a.id)).toEqual([
      ...DEFAULT_REFERRAL_AUTHORITIES.map((a) => a.id),
      'other',
    ]);
    expect(list.isListed('icc-otp')).toBe(true);
    expect(list.isListed('other')).toBe(false);
    expect(list.nameOf('other', 'Prosecutor of Utopia')).toBe('Prosecutor of Utopia');
    expect(list.nameOf('gone-unit', null)).toBe('gone-unit');
  });

  it("is replaced by the operator's file", () => {
    const file = fileWith(
      JSON.stringify([{ id: 'xx-unit', name: 'Unit of X', kind: 'national_unit', country: 'XX' }]),
    );
    const list = new ReferralAuthorities(runtimeWith(file));
    expect(list.all()).toEqual([
      { id: 'xx-unit', name: 'Unit of X', kind: 'national_unit', country: 'XX' },
      { id: 'other', name: 'Other', kind: 'other', country: null },
    ]);
    expect(list.isListed('icc-otp')).toBe(false);
  });

  it('stops start-up on a malformed or unreadable file, naming the setting', () => {
    expect(() => new ReferralAuthorities(runtimeWith(fileWith('[{"id": "Bad"}]')))).toThrow(
      /REFERRAL_AUTHORITIES_FILE: Entry 0/,
    );
    expect(() => new ReferralAuthorities(runtimeWith(fileWith('not json')))).toThrow(
      /REFERRAL_AUTHORITIES_FILE: cannot read/,
    );
    expect(() => new ReferralAuthorities(runtimeWith('/nonexistent/authorities.json'))).toThrow(
      /REFERRAL_AUTHORITIES_FILE/,
    );
  });
});

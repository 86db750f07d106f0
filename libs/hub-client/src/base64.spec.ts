import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './base64.js';

describe('base64', () => {
  it('round-trips any bytes and agrees with the standard alphabet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        expect(Array.from(fromBase64(toBase64(bytes)))).toEqual(Array.from(bytes));
      }),
      { numRuns: 50 },
    );
    expect(toBase64(new Uint8Array([251, 255]))).toBe('+/8=');
  });
});

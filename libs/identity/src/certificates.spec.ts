import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import {
  certificateBodyFor,
  decodeCertificateBody,
  encodeCertificateBody,
  signCertificate,
  verifyCertificate,
  type CertificateBody,
} from './certificates.js';
import { encodeBase64 } from './base64.js';
import { testUser } from './testing/users.js';

const issuer = testUser('coordinator-1', 'secretariat');
const subject = testUser('admin-1', 'org-a');
const body: CertificateBody = certificateBodyFor(
  'org_admin',
  subject.bundle,
  'coordinator-1',
  'wg-1',
  new Date('2026-11-27T08:00:00.000Z'),
);

const text = (b: Uint8Array) => new TextDecoder().decode(b);

const id = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !/\p{Cc}/u.test(s));
const key = fc.uint8Array({ minLength: 32, maxLength: 32 }).map(encodeBase64);
const arbitraryBody: fc.Arbitrary<CertificateBody> = fc
  .record({
    kind: fc.constantFrom('org_admin' as const, 'member' as const, 'coordinator' as const),
    workingGroupId: id,
    subjectUserId: id,
    organisationId: id,
    encryptionPublicKey: key,
    signingPublicKey: key,
    issuerUserId: id,
    issuedAt: fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString()),
  })
  .filter((b) => b.subjectUserId !== b.issuerUserId)
  .map((b) => ({
    v: 1 as const,
    ...b,
    workingGroupId: b.kind === 'member' ? null : b.workingGroupId,
  }));

describe('certificate encoding', () => {
  it('is canonical JSON: keys in lexicographic order, no spaces', () => {
    const encoded = text(encodeCertificateBody(body));
    expect(encoded).toBe(
      `{"encryptionPublicKey":"${body.encryptionPublicKey}","issuedAt":"2026-11-27T08:00:00.000Z","issuerUserId":"coordinator-1",` +
        `"kind":"org_admin","organisationId":"org-a","signingPublicKey":"${body.signingPublicKey}","subjectUserId":"admin-1","v":1,"workingGroupId":"wg-1"}`,
    );
  });

  it('round-trips any well-formed body', () => {
    fc.assert(
      fc.property(arbitraryBody, (b) => {
        expect(decodeCertificateBody(encodeCertificateBody(b))).toEqual(b);
      }),
    );
  });

  it('decodes strictly: extra or missing keys, reordering, spaces, wrong types and bad keys are refused', () => {
    const json = text(encodeCertificateBody(body));
    const parsed = JSON.parse(json) as Record<string, unknown>;
    const bad: string[] = [
      JSON.stringify({ ...parsed, extra: 1 }),
      JSON.stringify({ ...parsed, v: undefined }),
      JSON.stringify(Object.fromEntries(Object.entries(parsed).reverse())),
      json.replace(',"kind"', ', "kind"'),
      json.replace('"v":1', '"v":2'),
      json.replace('"v":1', '"v":"1"'),
      json.replace('"kind":"org_admin"', '"kind":"root"'),
      json.replace('"workingGroupId":"wg-1"', '"workingGroupId":null'),
      json.replace('"issuedAt":"2026-11-27T08:00:00.000Z"', '"issuedAt":"yesterday"'),
      json.replace('"organisationId":"org-a"', '"organisationId":""'),
      json.replace(
        `"signingPublicKey":"${body.signingPublicKey}"`,
        `"signingPublicKey":"${encodeBase64(new Uint8Array(31))}"`,
      ),
      json.replace(
        `"signingPublicKey":"${body.signingPublicKey}"`,
        `"signingPublicKey":"${body.signingPublicKey.replace('=', '')}"`,
      ),
      json.replace('"subjectUserId":"admin-1"', '"subjectUserId":"coordinator-1"'),
      json.replace('"admin-1"', '"admin\\u002d1"'),
      `${json} `,
      '[]',
      'null',
    ];
    for (const b of bad) expect(() => decodeCertificateBody(utf8ToBytes(b)), b).toThrow();
    expect(() => decodeCertificateBody(Uint8Array.of(0xff, 0xfe))).toThrow();
    expect(() => decodeCertificateBody(new Uint8Array(0))).toThrow();
    const member = { ...body, kind: 'member' as const };
    expect(() => encodeCertificateBody(member)).toThrow(/organisation-wide/);
  });
});

describe('certificate signatures', () => {
  const signed = signCertificate(body, issuer.signingPrivateKey);

  it('verifies under the issuer key only', () => {
    expect(verifyCertificate(signed, issuer.bundle.signingPublicKey)).toEqual(body);
    expect(verifyCertificate(signed, subject.bundle.signingPublicKey)).toBeNull();
    expect(
      verifyCertificate(
        { ...signed, signature: signed.signature.slice(0, 63) },
        issuer.bundle.signingPublicKey,
      ),
    ).toBeNull();
  });

  it('fails on any single-bit change of the body or the signature', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.nat(), (inBody, bit) => {
        const target = inBody ? signed.body.slice() : signed.signature.slice();
        const i = bit % (target.length * 8);
        target[i >> 3] = (target[i >> 3] ?? 0) ^ (1 << (i & 7));
        const changed = inBody ? { ...signed, body: target } : { ...signed, signature: target };
        expect(verifyCertificate(changed, issuer.bundle.signingPublicKey)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('does not verify a signature over the same bytes without the certificate context', async () => {
    const { ed25519 } = await import('@noble/curves/ed25519.js');
    const bare = ed25519.sign(signed.body, issuer.signingPrivateKey);
    expect(
      verifyCertificate({ body: signed.body, signature: bare }, issuer.bundle.signingPublicKey),
    ).toBeNull();
  });
});

import { readFileSync } from 'node:fs';
import { NOT_IDEMPOTENT_MUTATIONS } from '@parallax/domain';
import { buildSchema, getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parseIdempotencyKey, requestHash } from './idempotency-key.js';
import { rootFieldNames } from './root-fields.js';

const schema = buildSchema(readFileSync(new URL('../../../schema.gql', import.meta.url), 'utf8'));

describe('idempotency keys', () => {
  it('accepts UUID v4 only, in canonical form', () => {
    expect(parseIdempotencyKey(' 3F2504E0-4F89-41D3-9A0C-0305E82C3301 ')).toBe(
      '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    );
    for (const bad of [
      '',
      'x',
      '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
      '3f2504e0-4f89-41d3-7a0c-0305e82c3301',
    ]) {
      expect(parseIdempotencyKey(bad)).toBeNull();
    }
  });

  it('names only mutations that exist (a renamed one would silently become idempotent)', () => {
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {});
    expect(mutations.length).toBeGreaterThan(10);
    for (const name of NOT_IDEMPOTENT_MUTATIONS) expect(mutations).toContain(name);
  });

  it('hashes the request whatever the order of its variables, and keeps none of them', () => {
    const a = requestHash('q', 'Op', { input: { name: 'CANARY', kind: 'cso' }, n: [1, 2] });
    const b = requestHash('q', 'Op', { n: [1, 2], input: { kind: 'cso', name: 'CANARY' } });
    expect(a.equals(b)).toBe(true);
    expect(a).toHaveLength(32);
    expect(a.toString('latin1')).not.toContain('CANARY');
    expect(
      requestHash('q', 'Op', { input: { name: 'other', kind: 'cso' }, n: [1, 2] }).equals(a),
    ).toBe(false);
    expect(
      requestHash('q', 'Op', { n: [2, 1], input: { kind: 'cso', name: 'CANARY' } }).equals(a),
    ).toBe(false);
    expect(
      requestHash('other', 'Op', { input: { name: 'CANARY', kind: 'cso' }, n: [1, 2] }).equals(a),
    ).toBe(false);
  });

  it('finds root fields through fragments, so an excluded mutation cannot hide behind one', () => {
    const document = parse(`
      mutation M { ...F ... on Mutation { logout } markNotificationsRead(ids: []) }
      fragment F on Mutation { createInvitation(input: { email: "a@b.c", role: viewer }) { token } }`);
    const operation = getOperationAST(document, 'M');
    if (!operation) throw new Error('no operation');
    expect([...rootFieldNames(operation, document)].sort()).toEqual([
      'createInvitation',
      'logout',
      'markNotificationsRead',
    ]);
  });
});

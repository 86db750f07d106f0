import { FINGERPRINT_SCHEMA_VERSION } from '@parallax/fingerprint';
import { HubError } from '@parallax/hub-client';
import { describe, expect, it } from 'vitest';
import { assertSameSchema } from '../src/commands/group-key-access.js';
import { hubFailure } from '../src/commands/hub-failure.js';
import { CliError, ExitCode } from '../src/io/cli-error.js';

const statusWith = (schemaVersion: string | null) =>
  ({ status: { schemaVersion } }) as Parameters<typeof assertSameSchema>[1];

describe('the CLI and the fingerprint rules of a group', () => {
  it('refuses, before fingerprinting, a group whose keys use older rules: says a coordinator must rotate, exits 4', () => {
    let caught: unknown;
    try {
      assertSameSchema({ name: 'Syria group' }, statusWith('v1'));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CliError);
    expect((caught as CliError).exitCode).toBe(ExitCode.Access);
    expect((caught as CliError).message).toBe(
      `The keys of "Syria group" use fingerprint rules v1, and this client uses ${FINGERPRINT_SCHEMA_VERSION}: ` +
        `no case can be registered until a coordinator rotates the group's keys to move it to ${FINGERPRINT_SCHEMA_VERSION}; ` +
        'then the cases are fingerprinted again.',
    );
  });

  it('goes ahead when the rules agree', () => {
    expect(() =>
      assertSameSchema({ name: 'Syria group' }, statusWith(FINGERPRINT_SCHEMA_VERSION)),
    ).not.toThrow();
  });

  it("reports the hub's FINGERPRINT_SCHEMA_MISMATCH as such, not as a stale key to retry", () => {
    const error = hubFailure(
      new HubError('FINGERPRINT_SCHEMA_MISMATCH', 'The keys use v1: a coordinator rotates'),
      'https://hub.example',
    );
    expect(error.exitCode).toBe(ExitCode.Access);
    expect(error.message).toMatch(/The keys use v1: a coordinator rotates/);
    expect(error.message).not.toMatch(/run the command again/);
  });
});

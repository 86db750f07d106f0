import { Inject, Injectable } from '@nestjs/common';
import { Secret, TOTP } from 'otpauth';
import type { EntityManager } from 'typeorm';
import { RUNTIME, type Runtime } from '../../common/runtime.js';
import type { UserEntity } from '../users/user.entity.js';
import { UsersRepository } from '../users/users.repository.js';

/** Seeds sealed before they were bound to their account; opened once more, then re-sealed. */
export const LEGACY_TOTP_PURPOSE = 'totp-secret';
/** A seed is bound to its account: copied into another user's row, it does not open. */
export const totpPurpose = (userId: string): string => `totp-secret/${userId}`;
/** A seed offered to one sign-up attempt, before its account exists. */
export const pendingTotpPurpose = (invitationId: string, attemptHashHex: string): string =>
  `totp-pending/${invitationId}/${attemptHashHex}`;
const PERIOD = 30;

export function totpFor(secret: Uint8Array, label: string): TOTP {
  // Copy: a Buffer may be a view into a larger pooled ArrayBuffer.
  const bytes = Uint8Array.from(secret);
  return new TOTP({
    issuer: 'Parallax',
    label,
    secret: new Secret({ buffer: bytes.buffer }),
    digits: 6,
    period: PERIOD,
    algorithm: 'SHA1',
  });
}

/** The 30-second step a valid code belongs to, or null (±1 step of drift). */
export function matchingStep(secret: Uint8Array, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secret, 'x').validate({ token: code, window: 1, timestamp: now });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

/**
 * RFC 6238 with the rules that make it a real second factor: each code is
 * accepted once (its step must be newer than the last one used), and
 * repeated failures lock the account for a while.
 */
@Injectable()
export class TotpService {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly users: UsersRepository,
  ) {}

  seal(secret: Uint8Array, userId: string): Buffer {
    return this.runtime.secretBox.seal(secret, totpPurpose(userId));
  }

  /**
   * The seed of `user`, whose row the caller holds FOR UPDATE, or null when
   * the stored seed is not this user's (e.g. copied from another row): then
   * no code matches. A seed sealed the old way (without the user id) opens
   * once more and is re-sealed bound to the user.
   */
  async openFor(manager: EntityManager, user: UserEntity): Promise<Buffer | null> {
    const box = this.runtime.secretBox;
    const attempt = (purpose: string): Buffer | null => {
      try {
        return box.open(user.totpSecret, purpose);
      } catch {
        return null;
      }
    };
    const bound = attempt(totpPurpose(user.id));
    if (bound) return bound;
    const legacy = attempt(LEGACY_TOTP_PURPOSE);
    if (!legacy) return null;
    const resealed = this.seal(legacy, user.id);
    await this.users.update(manager, user.id, { totpSecret: resealed });
    user.totpSecret = resealed;
    return legacy;
  }

  sealPending(secret: Uint8Array, invitationId: string, attemptHashHex: string): Buffer {
    return this.runtime.secretBox.seal(secret, pendingTotpPurpose(invitationId, attemptHashHex));
  }

  openPending(sealed: Buffer, invitationId: string, attemptHashHex: string): Buffer {
    return this.runtime.secretBox.open(sealed, pendingTotpPurpose(invitationId, attemptHashHex));
  }

  isLocked(user: UserEntity, now = new Date()): boolean {
    return user.lockedUntil !== null && user.lockedUntil > now;
  }

  /**
   * Checks a code for a user whose row the caller has locked FOR UPDATE, and
   * records the outcome (last step, or a failure that may lock the account).
   */
  async verifyAndRecord(manager: EntityManager, user: UserEntity, code: string): Promise<boolean> {
    const seed = this.isLocked(user) ? null : await this.openFor(manager, user);
    const step = seed ? matchingStep(seed, code) : null;
    const fresh = step !== null && (user.totpLastStep === null || step > Number(user.totpLastStep));
    if (fresh) {
      await this.users.update(manager, user.id, {
        totpLastStep: String(step),
        totpFailures: 0,
        lockedUntil: null,
      });
      return true;
    }
    await this.recordFailure(manager, user);
    return false;
  }

  /**
   * Sign-in's check of a code: once per step, like `verifyAndRecord`, but it
   * neither counts failures on the account nor honours a lock, because an
   * outsider who knows only the e-mail could otherwise lock its owner out.
   * Sign-in is throttled per source instead (SignInThrottle).
   */
  async acceptCode(manager: EntityManager, user: UserEntity, code: string): Promise<boolean> {
    const seed = await this.openFor(manager, user);
    const step = seed ? matchingStep(seed, code) : null;
    const fresh = step !== null && (user.totpLastStep === null || step > Number(user.totpLastStep));
    if (fresh) await this.users.update(manager, user.id, { totpLastStep: String(step) });
    return fresh;
  }

  async recordFailure(manager: EntityManager, user: UserEntity): Promise<void> {
    if (this.isLocked(user)) return;
    const failures = user.totpFailures + 1;
    const lock = failures >= this.runtime.config.TOTP_MAX_FAILURES;
    await this.users.update(manager, user.id, {
      totpFailures: lock ? 0 : failures,
      lockedUntil: lock
        ? new Date(Date.now() + this.runtime.config.TOTP_LOCKOUT_MINUTES * 60_000)
        : user.lockedUntil,
    });
  }
}

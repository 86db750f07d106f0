import { Inject, Injectable } from '@nestjs/common';
import { Secret, TOTP } from 'otpauth';
import type { EntityManager } from 'typeorm';
import { RUNTIME, type Runtime } from '../../common/runtime.js';
import type { UserEntity } from '../users/user.entity.js';
import { UsersRepository } from '../users/users.repository.js';

export const TOTP_PURPOSE = 'totp-secret';
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

  seal(secret: Uint8Array): Buffer {
    return this.runtime.secretBox.seal(secret, TOTP_PURPOSE);
  }

  open(sealed: Buffer): Buffer {
    return this.runtime.secretBox.open(sealed, TOTP_PURPOSE);
  }

  isLocked(user: UserEntity, now = new Date()): boolean {
    return user.lockedUntil !== null && user.lockedUntil > now;
  }

  /**
   * Checks a code for a user whose row the caller has locked FOR UPDATE, and
   * records the outcome (last step, or a failure that may lock the account).
   */
  async verifyAndRecord(manager: EntityManager, user: UserEntity, code: string): Promise<boolean> {
    const step = this.isLocked(user) ? null : matchingStep(this.open(user.totpSecret), code);
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

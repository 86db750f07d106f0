import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@parallax/domain';
import { DEFAULT_KDF_PARAMS, type KdfParams } from '@parallax/identity';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { hashLoginKey, verifyLoginKey } from '../../common/crypto/login-verifier.js';
import type { AuthState } from '../../common/request-context.js';
import { RUNTIME, type Runtime } from '../../common/runtime.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import type { UserEntity } from '../users/user.entity.js';
import { resealedKeys } from '../users/sealed-keys.js';
import { UsersRepository } from '../users/users.repository.js';
import { AuthRepository } from './auth.repository.js';
import { AuthException } from './auth.exception.js';
import type { SessionEntity } from './session.entity.js';
import { SessionService } from './session.service.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { TotpService } from './totp.service.js';

export const SIGN_IN_FAILED =
  'Sign-in failed: check the e-mail, password and code. After repeated failures from one network, sign-in from it pauses for a while.';

/** Costs what a real verification costs, so timing does not reveal accounts. */
const DUMMY_VERIFIER = hashLoginKey(new Uint8Array(32));

export interface LoginInput {
  email: string;
  loginKey: Uint8Array;
  totpCode: string;
  userAgent: string | undefined;
  /** The client's address (behind TRUST_PROXY proxies): what sign-in throttling counts. */
  source: string;
}

export interface PasswordChange {
  currentLoginKey: Uint8Array;
  newKdfSalt: Uint8Array;
  newKdfParams: KdfParams;
  newLoginKey: Uint8Array;
  newEncryptedPrivateKey: Uint8Array;
  /** The current signing key re-sealed (or, for an older account, its first one). */
  signingPublicKey: Uint8Array;
  encryptedSigningKey: Uint8Array;
}

type Outcome = { ok: true; user: UserEntity } | { ok: false };

function throttled(retryAfterSeconds: number): AuthException {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new AuthException(
    ErrorCode.SignInThrottled,
    `Too many failed sign-ins from this network: try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    { retryAfterSeconds: String(retryAfterSeconds) },
  );
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly totp: TotpService,
    private readonly audit: AuditService,
    private readonly repository: AuthRepository,
    private readonly users: UsersRepository,
    private readonly throttle: SignInThrottle,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  /**
   * The salt and KDF cost for an e-mail. Unknown addresses get a stable fake
   * salt (an HMAC of the address under a key derived from the master key), so
   * the answer never reveals whether an account exists.
   */
  async loginParameters(email: string): Promise<{ salt: Buffer; params: KdfParams }> {
    const normalised = email.trim().toLowerCase();
    const user = await this.users.findByEmail(this.dataSource.manager, normalised);
    if (user) return { salt: user.kdfSalt, params: user.kdfParams };
    const salt = createHmac('sha256', this.fakeSaltKey())
      .update(normalised)
      .digest()
      .subarray(0, 16);
    return { salt, params: DEFAULT_KDF_PARAMS };
  }

  private fakeSaltKey(): Buffer {
    return this.runtime.secretBox.deriveKey('parallax/v1/fake-login-salt');
  }

  async login(
    input: LoginInput,
    res: Response,
  ): Promise<{ user: UserEntity; session: SessionEntity }> {
    const email = input.email.trim().toLowerCase();
    const verdict = await this.throttle.check(input.source, email);
    if (!verdict.allowed) throw throttled(verdict.retryAfterSeconds);
    if (verdict.delayMs > 0) await new Promise((r) => setTimeout(r, verdict.delayMs));
    const outcome = await this.dataSource.transaction(async (m): Promise<Outcome> => {
      const user = await this.users.findByEmail(m, email, { lock: true });
      if (!user) {
        await verifyLoginKey(input.loginKey, await DUMMY_VERIFIER);
        return { ok: false };
      }
      const keyOk = await verifyLoginKey(input.loginKey, user.loginVerifier);
      // No failure counter on the account: throttling is per source (SignInThrottle).
      const ok = !user.disabledAt && keyOk && (await this.totp.acceptCode(m, user, input.totpCode));
      if (!ok) {
        await this.audit.record(m, {
          actorUserId: null,
          organisationId: user.organisationId,
          action: 'auth.login_failed',
          subjectType: 'user',
          subjectId: user.id,
          change: {
            reason: user.disabledAt ? 'disabled' : keyOk ? 'second_factor' : 'credentials',
          },
        });
        return { ok: false };
      }
      return { ok: true, user };
    });
    if (!outcome.ok) {
      const pause = await this.throttle.recordFailure(input.source, email);
      if (pause) throw throttled(pause.retryAfterSeconds);
      throw new AuthException(ErrorCode.Unauthenticated, SIGN_IN_FAILED);
    }
    const user = outcome.user;
    const session = await this.dataSource.transaction(async (m) => {
      const s = await this.sessions.open(m, user.id, input.userAgent, res);
      await this.audit.record(m, {
        actorUserId: user.id,
        organisationId: user.organisationId,
        action: 'auth.login',
        subjectType: 'session',
        subjectId: s.id,
        change: { sessionId: s.id },
      });
      return s;
    });
    return { user, session };
  }

  /**
   * Self-service "I lost my password": the answer is the same whether or not
   * the account exists. When it does, the request lands in the
   * organisation's audit log, where its admins act on it (a reset link).
   */
  async requestPasswordReset(email: string): Promise<void> {
    const user = await this.users.findByEmail(this.dataSource.manager, email.trim().toLowerCase());
    if (!user || user.disabledAt) return;
    await this.dataSource.transaction((m) =>
      this.audit.record(m, {
        actorUserId: null,
        organisationId: user.organisationId,
        action: 'auth.reset_requested',
        subjectType: 'user',
        subjectId: user.id,
        change: { userId: user.id },
      }),
    );
  }

  async logout(auth: AuthState, res: Response): Promise<void> {
    await this.revokeSession(auth, auth.sessionId);
    this.sessions.clearCookie(res);
  }

  async listSessions(auth: AuthState): Promise<SessionEntity[]> {
    return runAsTenant(this.dataSource, auth.actor, (m) =>
      this.repository.listLiveSessions(m, auth.actor.userId),
    );
  }

  /** Revokes one of the caller's own sessions; another user's id is simply not found. */
  async revokeSession(auth: AuthState, sessionId: string): Promise<void> {
    await runAsTenant(this.dataSource, auth.actor, async (m) => {
      const revoked = await this.repository.revokeSession(m, auth.actor.userId, sessionId);
      if (!revoked) throw new AuthException(ErrorCode.NotFound, 'No such session');
      await this.audit.record(m, {
        actorUserId: auth.actor.userId,
        organisationId: auth.actor.organisationId,
        action: 'auth.session_revoke',
        subjectType: 'session',
        subjectId: sessionId,
        change: { sessionId },
      });
    });
  }

  /** Re-checks the second factor and marks the session as recently stepped up. */
  async stepUp(auth: AuthState, code: string): Promise<Date> {
    const at = await this.dataSource.transaction(async (m) => {
      const user = await this.users.findById(m, auth.actor.userId, { lock: true });
      if (!user) throw new AuthException(ErrorCode.Unauthenticated, 'Sign in first');
      if (!(await this.totp.verifyAndRecord(m, user, code))) {
        // A wrong or replayed code on a live session: someone may hold the session but not the phone.
        await this.audit.record(m, {
          actorUserId: user.id,
          organisationId: user.organisationId,
          action: 'auth.step_up_failed',
          subjectType: 'session',
          subjectId: auth.sessionId,
          change: { sessionId: auth.sessionId, alreadyPaused: this.totp.isLocked(user) },
        });
        return null;
      }
      const now = new Date();
      await this.repository.markSteppedUp(m, auth.sessionId, now);
      await this.audit.record(m, {
        actorUserId: user.id,
        organisationId: user.organisationId,
        action: 'auth.step_up',
        subjectType: 'session',
        subjectId: auth.sessionId,
        change: { sessionId: auth.sessionId },
      });
      return now;
    });
    if (!at)
      throw new AuthException(ErrorCode.Unauthenticated, 'The code is wrong or was already used');
    return at;
  }

  /**
   * Password change: the client re-derived both keys and re-sealed the same
   * private key; the server checks the current login key, swaps the
   * verifier and blob, and ends every other session.
   */
  async changePassword(auth: AuthState, change: PasswordChange): Promise<void> {
    const user = await this.users.findById(this.dataSource.manager, auth.actor.userId);
    if (!user) throw new AuthException(ErrorCode.Unauthenticated, 'Sign in first');
    if (!(await verifyLoginKey(change.currentLoginKey, user.loginVerifier))) {
      throw new AuthException(ErrorCode.Unauthenticated, 'The current password is wrong');
    }
    const keys = resealedKeys(user, {
      encryptedPrivateKey: change.newEncryptedPrivateKey,
      signingPublicKey: change.signingPublicKey,
      encryptedSigningKey: change.encryptedSigningKey,
    });
    const verifier = await hashLoginKey(change.newLoginKey);
    await this.dataSource.transaction(async (m) => {
      await this.users.update(m, user.id, {
        kdfSalt: Buffer.from(change.newKdfSalt),
        kdfParams: { ...change.newKdfParams },
        loginVerifier: verifier,
        ...keys.patch,
      });
      const forgotten = keys.signingKeyChanged
        ? await this.users.forgetKeyTrust(m, user.id)
        : null;
      await this.repository.revokeOtherSessions(m, user.id, auth.sessionId);
      await this.audit.record(m, {
        actorUserId: user.id,
        organisationId: user.organisationId,
        action: 'auth.password_change',
        subjectType: 'user',
        subjectId: user.id,
        change: { otherSessionsRevoked: true, signingKeyChanged: forgotten !== null, ...forgotten },
      });
    });
  }
}

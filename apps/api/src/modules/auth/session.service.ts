import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource, type EntityManager } from 'typeorm';
import { RUNTIME, type Runtime } from '../../common/runtime.js';
import { AuthRepository } from './auth.repository.js';
import type { SessionEntity } from './session.entity.js';
import { hashToken, newToken, SESSION_COOKIE } from './session-token.js';

/** Bumping last_seen on every request would write on every read; once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

@Injectable()
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: AuthRepository,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  /** Creates a session in the caller's transaction and sets the cookie. */
  async open(
    manager: EntityManager,
    userId: string,
    userAgent: string | undefined,
    res: Response,
  ): Promise<SessionEntity> {
    const { token, hash } = newToken();
    const now = new Date();
    const session = await this.repository.insertSession(manager, {
      tokenHash: hash,
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.runtime.config.SESSION_ABSOLUTE_HOURS * 3_600_000),
      // A fresh login just proved the second factor.
      stepUpAt: now,
      revokedAt: null,
      userAgent: userAgent ? userAgent.slice(0, 200) : null,
    });
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      secure: true,
      sameSite: 'strict',
      path: '/',
      maxAge: this.runtime.config.SESSION_ABSOLUTE_HOURS * 3_600_000,
    });
    return session;
  }

  clearCookie(res: Response): void {
    res.clearCookie(SESSION_COOKIE, {
      httpOnly: true,
      secure: true,
      sameSite: 'strict',
      path: '/',
    });
  }

  /**
   * The live session for a cookie token, or null when unknown, revoked,
   * past its absolute lifetime or idle for too long.
   */
  async resolve(token: string): Promise<SessionEntity | null> {
    const session = await this.repository.findLiveSessionByTokenHash(
      this.dataSource.manager,
      hashToken(token),
    );
    if (!session) return null;
    const now = Date.now();
    const idleMs = this.runtime.config.SESSION_IDLE_MINUTES * 60_000;
    if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + idleMs <= now)
      return null;
    if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await this.repository.touchSession(this.dataSource.manager, session.id, new Date(now));
    }
    return session;
  }

  /** Ends every session of a user (disabled account, reset credentials), in the caller's transaction. */
  revokeAllOf(manager: EntityManager, userId: string): Promise<void> {
    return this.repository.revokeAllSessions(manager, userId);
  }

  isSteppedUp(stepUpAt: Date | null): boolean {
    return (
      stepUpAt !== null &&
      Date.now() - stepUpAt.getTime() < this.runtime.config.STEP_UP_MINUTES * 60_000
    );
  }
}

import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { DataSource } from 'typeorm';
import { AuthRepository } from './auth.repository.js';

/** Resolves who a user is, for the policy, in one query. */
@Injectable()
export class ActorService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: AuthRepository,
  ) {}

  load(userId: string): Promise<Actor | null> {
    return this.repository.loadActor(this.dataSource.manager, userId);
  }
}

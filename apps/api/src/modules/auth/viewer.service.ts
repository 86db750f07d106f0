import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { b64 } from '../../common/graphql/validators.js';
import type { AuthState } from '../../common/request-context.js';
import { RUNTIME, type Runtime } from '../../common/runtime.js';
import { toOrganisation } from '../organisations/organisations.repository.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { toUser } from '../users/users.repository.js';
import { UsersService } from '../users/users.service.js';
import { AuthException } from './auth.exception.js';
import type { Viewer } from './models/viewer.model.js';
import { ErrorCode } from '@parallax/domain';

@Injectable()
export class ViewerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  async build(auth: AuthState): Promise<Viewer> {
    const m = this.dataSource.manager;
    const user = await this.users.findById(m, auth.actor.userId);
    if (!user) throw new AuthException(ErrorCode.Unauthenticated, 'Sign in first');
    const organisation = user.organisationId
      ? await this.organisations.findById(m, user.organisationId)
      : null;
    const stepUpMs = this.runtime.config.STEP_UP_MINUTES * 60_000;
    return {
      user: toUser(user),
      organisation: organisation && toOrganisation(organisation, user.organisationId),
      actor: {
        ...auth.actor,
        coordinatorOf: [...auth.actor.coordinatorOf],
        memberOf: [...auth.actor.memberOf],
        donorOf: [...auth.actor.donorOf],
      },
      publicKey: b64(user.publicKey),
      encryptedPrivateKey: b64(user.encryptedPrivateKey),
      signingPublicKey: user.signingPublicKey ? b64(user.signingPublicKey) : null,
      encryptedSigningKey: user.encryptedSigningKey ? b64(user.encryptedSigningKey) : null,
      stepUpValidUntil: auth.stepUpAt ? new Date(auth.stepUpAt.getTime() + stepUpMs) : null,
    };
  }
}

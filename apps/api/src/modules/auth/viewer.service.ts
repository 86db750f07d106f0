import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { b64 } from '../../common/graphql/validators.js';
import type { AuthState } from '../../common/request-context.js';
import { RUNTIME, type Runtime } from '../../common/runtime.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { toUser } from '../users/models/to-user.js';
import { UserEntity } from '../users/user.entity.js';
import type { Viewer } from './models/viewer.model.js';

@Injectable()
export class ViewerService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  async build(auth: AuthState): Promise<Viewer> {
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: auth.actor.userId });
    const organisation = user.organisationId
      ? await this.dataSource.getRepository(OrganisationEntity).findOneBy({ id: user.organisationId })
      : null;
    const stepUpMs = this.runtime.config.STEP_UP_MINUTES * 60_000;
    return {
      user: toUser(user),
      organisation,
      actor: { ...auth.actor, coordinatorOf: [...auth.actor.coordinatorOf], memberOf: [...auth.actor.memberOf], donorOf: [...auth.actor.donorOf] },
      publicKey: b64(user.publicKey),
      encryptedPrivateKey: b64(user.encryptedPrivateKey),
      stepUpValidUntil: auth.stepUpAt ? new Date(auth.stepUpAt.getTime() + stepUpMs) : null,
    };
  }
}

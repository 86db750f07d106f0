import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { FINGERPRINT_SCHEMA_VERSION } from '@parallax/fingerprint';
import { RUNTIME, type Runtime } from '../../common/runtime.js';
import { Public } from '../../common/authorization/public.decorator.js';
import { ServerInfo } from './models/server-info.model.js';

@Resolver(() => ServerInfo)
export class SystemResolver {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  @Public('Version facts are shown on the login page.')
  @Query(() => ServerInfo)
  serverInfo(): ServerInfo {
    return {
      name: 'Parallax',
      version: this.runtime.version,
      schemaVersion: FINGERPRINT_SCHEMA_VERSION,
      demo: this.runtime.config.PARALLAX_DEMO,
    };
  }
}

import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { UsersModule } from '../users/users.module.js';
import { ActorService } from './actor.service.js';
import { AuthGuard } from './auth.guard.js';
import { AuthRepository } from './auth.repository.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { SessionService } from './session.service.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { TotpService } from './totp.service.js';
import { ViewerService } from './viewer.service.js';

@Global()
@Module({
  imports: [UsersModule, OrganisationsModule],
  providers: [
    AuthRepository,
    ActorService,
    AuthService,
    AuthResolver,
    SessionService,
    SignInThrottle,
    TotpService,
    ViewerService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [ActorService, SessionService, TotpService, ViewerService],
})
export class AuthModule {}

import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ActorService } from './actor.service.js';
import { AuthGuard } from './auth.guard.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { SessionService } from './session.service.js';
import { TotpService } from './totp.service.js';
import { ViewerService } from './viewer.service.js';

@Global()
@Module({
  providers: [
    ActorService,
    AuthService,
    AuthResolver,
    SessionService,
    TotpService,
    ViewerService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [ActorService, SessionService, TotpService, ViewerService],
})
export class AuthModule {}

import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { InvitationsResolver } from './invitations.resolver.js';
import { InvitationsService } from './invitations.service.js';

@Module({ imports: [UsersModule], providers: [InvitationsService, InvitationsResolver] })
export class InvitationsModule {}

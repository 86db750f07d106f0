import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { UsersModule } from '../users/users.module.js';
import { WorkingGroupsModule } from '../working-groups/working-groups.module.js';
import { InvitationsRepository } from './invitations.repository.js';
import { InvitationsResolver } from './invitations.resolver.js';
import { InvitationsService } from './invitations.service.js';
import { SignUpService } from './sign-up.service.js';

@Module({
  imports: [UsersModule, OrganisationsModule, WorkingGroupsModule],
  providers: [InvitationsRepository, InvitationsService, SignUpService, InvitationsResolver],
})
export class InvitationsModule {}

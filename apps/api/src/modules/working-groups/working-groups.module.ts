import { Module } from '@nestjs/common';
import { CaseChangesModule } from '../cases/case-changes.module.js';
import { ClustersModule } from '../clusters/clusters.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { UsersModule } from '../users/users.module.js';
import { WorkingGroupsRepository } from './working-groups.repository.js';
import { WorkingGroupsResolver } from './working-groups.resolver.js';
import { WorkingGroupMembersService } from './working-group-members.service.js';
import { WorkingGroupRolesService } from './working-group-roles.service.js';
import { WorkingGroupsService } from './working-groups.service.js';

@Module({
  imports: [OrganisationsModule, UsersModule, CaseChangesModule, ClustersModule],
  providers: [
    WorkingGroupsRepository,
    WorkingGroupsService,
    WorkingGroupMembersService,
    WorkingGroupRolesService,
    WorkingGroupsResolver,
  ],
  exports: [WorkingGroupsService, WorkingGroupRolesService],
})
export class WorkingGroupsModule {}

import { Module } from '@nestjs/common';
import { WorkingGroupsResolver } from './working-groups.resolver.js';
import { WorkingGroupsService } from './working-groups.service.js';

@Module({ providers: [WorkingGroupsService, WorkingGroupsResolver], exports: [WorkingGroupsService] })
export class WorkingGroupsModule {}

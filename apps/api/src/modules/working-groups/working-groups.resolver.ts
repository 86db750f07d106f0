import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import { CurrentActor } from '../../common/authorization/current-actor.decorator.js';
import { Authenticated, StepUp } from '../../common/authorization/public.decorator.js';
import { CreateWorkingGroupInput } from './dto/create-working-group.input.js';
import { Membership, WorkingGroup } from './models/working-group.model.js';
import { WorkingGroupMembersService } from './working-group-members.service.js';
import { WorkingGroupRolesService } from './working-group-roles.service.js';
import { WorkingGroupsService } from './working-groups.service.js';
import { UuidArg } from '../../common/graphql/uuid-arg.js';

@Resolver(() => WorkingGroup)
export class WorkingGroupsResolver {
  constructor(
    private readonly groups: WorkingGroupsService,
    private readonly members: WorkingGroupMembersService,
    private readonly roles: WorkingGroupRolesService,
  ) {}

  @Authenticated()
  @Query(() => [WorkingGroup], {
    description: 'Groups the caller belongs to, coordinates or funds (all, for a platform admin).',
  })
  async workingGroups(@CurrentActor() actor: Actor): Promise<WorkingGroup[]> {
    const list = await this.groups.list(actor);
    return Promise.all(list.map((wg) => this.groups.get(actor, wg.id)));
  }

  @Authenticated()
  @Query(() => WorkingGroup)
  workingGroup(@CurrentActor() actor: Actor, @UuidArg('id') id: string): Promise<WorkingGroup> {
    return this.groups.get(actor, id);
  }

  @Authenticated()
  @Query(() => [Membership], {
    description: "Working-group invitations waiting for the caller's organisation.",
  })
  pendingWorkingGroupInvitations(@CurrentActor() actor: Actor): Promise<Membership[]> {
    return this.members.pendingForMyOrganisation(actor);
  }

  @Authenticated()
  @Mutation(() => WorkingGroup)
  async createWorkingGroup(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateWorkingGroupInput,
  ): Promise<WorkingGroup> {
    const wg = await this.groups.create(actor, input.name, input.description ?? '');
    return this.groups.get(actor, wg.id);
  }

  @Authenticated()
  @Mutation(() => Membership)
  inviteOrganisationToWorkingGroup(
    @CurrentActor() actor: Actor,
    @UuidArg('workingGroupId') workingGroupId: string,
    @UuidArg('organisationId') organisationId: string,
  ): Promise<Membership> {
    return this.members.inviteOrganisation(actor, workingGroupId, organisationId);
  }

  @StepUp()
  @Mutation(() => Membership, {
    description: "An org admin accepts or declines a working group's invitation.",
  })
  respondToWorkingGroupInvitation(
    @CurrentActor() actor: Actor,
    @UuidArg('workingGroupId') workingGroupId: string,
    @Args('accept', { type: () => Boolean }) accept: boolean,
  ): Promise<Membership> {
    return this.members.respond(actor, workingGroupId, accept);
  }

  @StepUp()
  @Mutation(() => Membership)
  removeOrganisationFromWorkingGroup(
    @CurrentActor() actor: Actor,
    @UuidArg('workingGroupId') workingGroupId: string,
    @UuidArg('organisationId') organisationId: string,
  ): Promise<Membership> {
    return this.members.removeOrganisation(actor, workingGroupId, organisationId);
  }

  @StepUp()
  @Mutation(() => WorkingGroup)
  appointCoordinator(
    @CurrentActor() actor: Actor,
    @UuidArg('workingGroupId') workingGroupId: string,
    @UuidArg('userId') userId: string,
  ): Promise<WorkingGroup> {
    return this.roles.appointCoordinator(actor, workingGroupId, userId);
  }

  @StepUp()
  @Mutation(() => Boolean)
  removeCoordinator(
    @CurrentActor() actor: Actor,
    @UuidArg('workingGroupId') workingGroupId: string,
    @UuidArg('userId') userId: string,
  ): Promise<boolean> {
    return this.roles.removeCoordinator(actor, workingGroupId, userId);
  }

  @Authenticated()
  @Mutation(() => Boolean)
  addDonorToWorkingGroup(
    @CurrentActor() actor: Actor,
    @UuidArg('workingGroupId') workingGroupId: string,
    @UuidArg('organisationId') organisationId: string,
  ): Promise<boolean> {
    return this.roles.addDonor(actor, workingGroupId, organisationId);
  }

  @Authenticated()
  @Mutation(() => Boolean)
  removeDonorFromWorkingGroup(
    @CurrentActor() actor: Actor,
    @UuidArg('workingGroupId') workingGroupId: string,
    @UuidArg('organisationId') organisationId: string,
  ): Promise<boolean> {
    return this.roles.removeDonor(actor, workingGroupId, organisationId);
  }
}

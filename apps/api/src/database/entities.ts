import { SessionEntity } from '../modules/auth/session.entity.js';
import { InvitationEntity } from '../modules/invitations/invitation.entity.js';
import { OrganisationEntity } from '../modules/organisations/organisation.entity.js';
import { UserEntity } from '../modules/users/user.entity.js';
import { WorkingGroupEntity } from '../modules/working-groups/working-group.entity.js';

/** Every TypeORM entity. A new entity is added here and nowhere else. */
export const ENTITIES = [InvitationEntity, OrganisationEntity, SessionEntity, UserEntity, WorkingGroupEntity];

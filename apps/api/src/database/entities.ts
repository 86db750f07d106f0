import { OrganisationEntity } from '../modules/organisations/organisation.entity.js';
import { UserEntity } from '../modules/users/user.entity.js';

/** Every TypeORM entity. A new entity is added here and nowhere else. */
export const ENTITIES = [OrganisationEntity, UserEntity];

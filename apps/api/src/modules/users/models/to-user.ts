import type { UserEntity } from '../user.entity.js';
import type { User } from './user.model.js';

export function toUser(e: UserEntity): User {
  return {
    id: e.id,
    email: e.email,
    displayName: e.displayName,
    organisationId: e.organisationId,
    role: e.role,
    isPlatformAdmin: e.isPlatformAdmin,
    disabled: e.disabledAt !== null,
    createdAt: e.createdAt,
  };
}

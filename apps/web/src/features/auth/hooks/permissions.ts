import { useAbility } from '@casl/react';
import {
  subject,
  type Action,
  type AppAbility,
  type SubjectType,
  type Subjects,
} from '@parallax/authz';
import { useMemo } from 'react';

/**
 * What a navigation item, page or button requires, in the terms of the shared
 * CASL policy (@parallax/authz): an action on a subject type, or on one
 * record. The web only hides what the policy forbids; the API enforces it.
 */
export type Permission = {
  [K in SubjectType]: { action: Action; subject: K; record?: Subjects[K] };
}[SubjectType];

export type Can = (permission: Permission) => boolean;

export function canWith(ability: AppAbility): Can {
  return ({ action, subject: type, record }) =>
    record === undefined
      ? ability.can(action, type)
      : ability.can(action, subject(type, record as Subjects[typeof type]));
}

/** The signed-in user's abilities (provided by the session; nothing is allowed while signed out). */
export function usePermissions(): Can {
  const ability = useAbility<AppAbility>();
  return useMemo(() => canWith(ability), [ability]);
}

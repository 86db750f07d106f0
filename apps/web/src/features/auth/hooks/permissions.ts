import {
  defineAbilityFor,
  subject,
  type Action,
  type AppAbility,
  type SubjectType,
  type Subjects,
} from '@parallax/authz';
import { createContext, useContext, useMemo } from 'react';

/**
 * What a navigation item, page or button requires, in the terms of the shared
 * CASL policy (@parallax/authz): an action on a subject type, or on one
 * record. The web only hides what the policy forbids; the API enforces it.
 */
export type Permission = {
  [K in SubjectType]: { action: Action; subject: K; record?: Subjects[K] };
}[SubjectType];

export type Can = (permission: Permission) => boolean;

/** The signed-in user's abilities; nothing is allowed while signed out. */
export const AbilityContext = createContext<AppAbility>(defineAbilityFor(null));

export function canWith(ability: AppAbility): Can {
  return ({ action, subject: type, record }) =>
    record === undefined
      ? ability.can(action, type)
      : ability.can(action, subject(type, record as Subjects[typeof type]));
}

export function usePermissions(): Can {
  const ability = useContext(AbilityContext);
  return useMemo(() => canWith(ability), [ability]);
}

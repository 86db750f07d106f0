import { defineAbilityFor, subject, type Action, type Actor, type SubjectType, type Subjects } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { DomainException } from '../errors/domain-exception.js';

class PolicyException extends DomainException {}

/**
 * Applies the shared policy to one record. What the actor may not even read
 * is reported as not found, so probing ids of other tenants learns nothing;
 * what they may read but not change is forbidden.
 */
export function assertCan<K extends SubjectType>(
  actor: Actor,
  action: Action,
  type: K,
  record: Subjects[K] | null | undefined,
): asserts record is Subjects[K] {
  const ability = defineAbilityFor(actor);
  if (!record || !ability.can('read', subject(type, record))) {
    throw new PolicyException(ErrorCode.NotFound, `No such ${type.toLowerCase()}`);
  }
  if (action !== 'read' && !ability.can(action, subject(type, record))) {
    throw new PolicyException(ErrorCode.Forbidden, `You may not ${action} this ${type.toLowerCase()}`);
  }
}

/** For creations, where there is no record yet but a target to check. */
export function assertMay<K extends SubjectType>(actor: Actor, action: Action, type: K, target: Subjects[K]): void {
  if (!defineAbilityFor(actor).can(action, subject(type, target))) {
    throw new PolicyException(ErrorCode.Forbidden, `You may not ${action} this ${type.toLowerCase()}`);
  }
}

/** Keeps only the records the actor may read (defence in depth after scoped queries). */
export function readable<K extends SubjectType, R extends Subjects[K]>(actor: Actor, type: K, records: R[]): R[] {
  const ability = defineAbilityFor(actor);
  return records.filter((r) => ability.can('read', subject(type, r)));
}

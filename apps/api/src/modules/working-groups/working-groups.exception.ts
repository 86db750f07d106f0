import { DomainException } from '../../common/errors/domain-exception.js';

export class WorkingGroupsException extends DomainException {}

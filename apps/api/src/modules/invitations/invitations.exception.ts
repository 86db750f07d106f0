import { DomainException } from '../../common/errors/domain-exception.js';

export class InvitationsException extends DomainException {}

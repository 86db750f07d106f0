import { DomainException } from '../../common/errors/domain-exception.js';

export class AuditException extends DomainException {}

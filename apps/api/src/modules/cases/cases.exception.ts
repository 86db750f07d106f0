import { DomainException } from '../../common/errors/domain-exception.js';

export class CasesException extends DomainException {}

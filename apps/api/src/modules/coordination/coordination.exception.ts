import { DomainException } from '../../common/errors/domain-exception.js';

export class CoordinationException extends DomainException {}

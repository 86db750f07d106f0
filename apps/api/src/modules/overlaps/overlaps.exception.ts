import { DomainException } from '../../common/errors/domain-exception.js';

export class OverlapsException extends DomainException {}

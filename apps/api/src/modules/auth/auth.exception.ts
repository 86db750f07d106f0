import { DomainException } from '../../common/errors/domain-exception.js';

export class AuthException extends DomainException {}

import { DomainException } from '../../common/errors/domain-exception.js';

export class UsersException extends DomainException {}

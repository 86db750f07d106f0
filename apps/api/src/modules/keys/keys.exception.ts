import { DomainException } from '../../common/errors/domain-exception.js';

export class KeysException extends DomainException {}

import { DomainException } from '../../common/errors/domain-exception.js';

export class NotificationsException extends DomainException {}

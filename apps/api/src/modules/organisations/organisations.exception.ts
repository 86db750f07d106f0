import { DomainException } from '../../common/errors/domain-exception.js';

export class OrganisationsException extends DomainException {}

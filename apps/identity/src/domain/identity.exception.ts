import { domainExceptionFor, ErrorKind } from '@helpgate/errors';

export enum IdentityErrorCode {
  OrganizationNotFound = 'organization.not_found',
  OrganizationNameTaken = 'organization.name_taken',
  DomainTaken = 'organization.domain_taken',
  InvalidDomain = 'organization.invalid_domain',
  ContactNotFound = 'contact.not_found',
  InvalidEmail = 'contact.invalid_email',
}

const kindOf: Record<IdentityErrorCode, ErrorKind> = {
  [IdentityErrorCode.OrganizationNotFound]: ErrorKind.NotFound,
  [IdentityErrorCode.OrganizationNameTaken]: ErrorKind.Conflict,
  [IdentityErrorCode.DomainTaken]: ErrorKind.Conflict,
  [IdentityErrorCode.InvalidDomain]: ErrorKind.Invalid,
  [IdentityErrorCode.ContactNotFound]: ErrorKind.NotFound,
  [IdentityErrorCode.InvalidEmail]: ErrorKind.Invalid,
};

export class IdentityException extends domainExceptionFor(kindOf) {}

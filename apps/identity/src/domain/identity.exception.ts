import { domainExceptionFor, ErrorKind } from '@helpgate/errors';

export enum IdentityErrorCode {
  OrganizationNotFound = 'organization.not_found',
  OrganizationNameTaken = 'organization.name_taken',
  DefaultOrganizationProtected = 'organization.default_protected',
  DomainTaken = 'organization.domain_taken',
  DomainNotFound = 'organization.domain_not_found',
  InvalidDomain = 'organization.invalid_domain',
  FreeMailDomain = 'organization.free_mail_domain',
  DisposableDomain = 'organization.disposable_domain',
  ContactNotFound = 'contact.not_found',
  InvalidEmail = 'contact.invalid_email',
  NameRequired = 'contact.name_required',
  EmailTaken = 'contact.email_taken',
  EmailNotFound = 'contact.email_not_found',
  PrimaryEmailProtected = 'contact.primary_email_protected',
  DirectPhoneTaken = 'contact.direct_phone_taken',
  InvalidPhone = 'contact.invalid_phone',
  MembershipNotFound = 'contact.membership_not_found',
  DefaultMembershipProtected = 'contact.default_membership_protected',
}

const kindOf: Record<IdentityErrorCode, ErrorKind> = {
  [IdentityErrorCode.OrganizationNotFound]: ErrorKind.NotFound,
  [IdentityErrorCode.OrganizationNameTaken]: ErrorKind.Conflict,
  [IdentityErrorCode.DefaultOrganizationProtected]: ErrorKind.Conflict,
  [IdentityErrorCode.DomainTaken]: ErrorKind.Conflict,
  [IdentityErrorCode.DomainNotFound]: ErrorKind.NotFound,
  [IdentityErrorCode.InvalidDomain]: ErrorKind.Invalid,
  [IdentityErrorCode.FreeMailDomain]: ErrorKind.Invalid,
  [IdentityErrorCode.DisposableDomain]: ErrorKind.Invalid,
  [IdentityErrorCode.ContactNotFound]: ErrorKind.NotFound,
  [IdentityErrorCode.InvalidEmail]: ErrorKind.Invalid,
  [IdentityErrorCode.NameRequired]: ErrorKind.Invalid,
  [IdentityErrorCode.EmailTaken]: ErrorKind.Conflict,
  [IdentityErrorCode.EmailNotFound]: ErrorKind.NotFound,
  [IdentityErrorCode.PrimaryEmailProtected]: ErrorKind.Conflict,
  [IdentityErrorCode.DirectPhoneTaken]: ErrorKind.Conflict,
  [IdentityErrorCode.InvalidPhone]: ErrorKind.Invalid,
  [IdentityErrorCode.MembershipNotFound]: ErrorKind.NotFound,
  [IdentityErrorCode.DefaultMembershipProtected]: ErrorKind.Conflict,
};

export class IdentityException extends domainExceptionFor(kindOf) {}

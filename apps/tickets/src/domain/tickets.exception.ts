import { domainExceptionFor, ErrorKind } from '@helpgate/errors';

export enum TicketsErrorCode {
  TicketNotFound = 'ticket.not_found',
  InvalidStatusTransition = 'ticket.invalid_status_transition',
  TicketClosed = 'ticket.closed',
  UnknownCategory = 'ticket.unknown_category',
  InactiveCategory = 'ticket.inactive_category',
  UnknownRequester = 'ticket.unknown_requester',
  RequesterWithoutAddress = 'ticket.requester_without_address',
  TooManyAttachments = 'ticket.too_many_attachments',
  AttachmentsTooLarge = 'ticket.attachments_too_large',
  AttachmentNotFound = 'ticket.attachment_not_found',
  UnknownAssignee = 'ticket.unknown_assignee',
  InactiveAssignee = 'ticket.inactive_assignee',
  RequesterErased = 'ticket.requester_erased',
  NotPrimaryContact = 'portal.not_primary_contact',
  CategoryNotFound = 'category.not_found',
  CategoryNameTaken = 'category.name_taken',
  InvalidCategoryName = 'category.invalid_name',
  DepartmentNotFound = 'category.department_not_found',
}

const kindOf: Record<TicketsErrorCode, ErrorKind> = {
  [TicketsErrorCode.TicketNotFound]: ErrorKind.NotFound,
  [TicketsErrorCode.InvalidStatusTransition]: ErrorKind.Conflict,
  [TicketsErrorCode.TicketClosed]: ErrorKind.Conflict,
  [TicketsErrorCode.UnknownCategory]: ErrorKind.Invalid,
  [TicketsErrorCode.InactiveCategory]: ErrorKind.Invalid,
  [TicketsErrorCode.UnknownRequester]: ErrorKind.Invalid,
  [TicketsErrorCode.RequesterWithoutAddress]: ErrorKind.Invalid,
  [TicketsErrorCode.TooManyAttachments]: ErrorKind.Invalid,
  [TicketsErrorCode.AttachmentsTooLarge]: ErrorKind.Invalid,
  [TicketsErrorCode.AttachmentNotFound]: ErrorKind.NotFound,
  [TicketsErrorCode.UnknownAssignee]: ErrorKind.Invalid,
  [TicketsErrorCode.InactiveAssignee]: ErrorKind.Invalid,
  [TicketsErrorCode.RequesterErased]: ErrorKind.Conflict,
  [TicketsErrorCode.NotPrimaryContact]: ErrorKind.Forbidden,
  [TicketsErrorCode.CategoryNotFound]: ErrorKind.NotFound,
  [TicketsErrorCode.CategoryNameTaken]: ErrorKind.Conflict,
  [TicketsErrorCode.InvalidCategoryName]: ErrorKind.Invalid,
  [TicketsErrorCode.DepartmentNotFound]: ErrorKind.Invalid,
};

export class TicketsException extends domainExceptionFor(kindOf) {}

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
  ReplyTemplateNotFound = 'reply_template.not_found',
  ReplyTemplateNameTaken = 'reply_template.name_taken',
  UnknownPlaceholders = 'reply_template.unknown_placeholders',
  UnknownReplyTemplate = 'reply_template.unknown',
  AutomationRuleNotFound = 'automation_rule.not_found',
  /** A phone call asked for on a ticket of a category the team excludes from phone support. */
  PhoneCallbackUnavailable = 'ticket.phone_callback_unavailable',
  CustomerSuccessCategoryRequired = 'settings.customer_success_category_required',
  /** The team has not enabled the "contact customer success" form. */
  CustomerSuccessFormDisabled = 'customer_success.disabled',
  /** A category outside the customer-success category the team set. */
  CustomerSuccessCategoryNotOffered = 'customer_success.category_not_offered',
  /** Too many requests from one address or one client within the window. */
  CustomerSuccessTooManyRequests = 'customer_success.too_many_requests',
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
  [TicketsErrorCode.ReplyTemplateNotFound]: ErrorKind.NotFound,
  [TicketsErrorCode.ReplyTemplateNameTaken]: ErrorKind.Conflict,
  [TicketsErrorCode.UnknownPlaceholders]: ErrorKind.Invalid,
  [TicketsErrorCode.UnknownReplyTemplate]: ErrorKind.Invalid,
  [TicketsErrorCode.AutomationRuleNotFound]: ErrorKind.NotFound,
  [TicketsErrorCode.PhoneCallbackUnavailable]: ErrorKind.Invalid,
  [TicketsErrorCode.CustomerSuccessCategoryRequired]: ErrorKind.Invalid,
  [TicketsErrorCode.CustomerSuccessFormDisabled]: ErrorKind.Invalid,
  [TicketsErrorCode.CustomerSuccessCategoryNotOffered]: ErrorKind.Invalid,
  [TicketsErrorCode.CustomerSuccessTooManyRequests]: ErrorKind.TooManyRequests,
};

export class TicketsException extends domainExceptionFor(kindOf) {}

import type { MessageKey } from '../i18n/i18n';

/** A file the customer picked, before anything is uploaded. */
export interface PickedFile {
  name: string;
  size: number;
}

/** What tickets' settings allow (`GET /portal/ticket-form`). */
export interface AttachmentLimits {
  maxCount: number;
  maxTotalBytes: number;
}

export interface TicketFormInput {
  categoryId: string;
  subject: string;
  description: string;
  files: readonly PickedFile[];
  callback: { requested: boolean; phone: string; consent: boolean };
}

/** A refusal the form shows next to its field: the message's key and what fills it. */
export interface FieldError {
  field: 'categoryId' | 'subject' | 'description' | 'files' | 'phone' | 'consent';
  key: MessageKey;
  values?: Record<string, string | number>;
}

/** `+33 (0)1 23-45-67-89` → `+33123456789`: spaces, dots, dashes, brackets and a trunk `(0)` dropped; null when not a number. */
export function normalizePhone(input: string): string | null {
  const compact = input.replace(/\(0\)/g, '').replace(/[\s.\-()/]/g, '');
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  return /^\+[1-9]\d{6,14}$/.test(international) ? international : null;
}

/** Sizes in the reader's words (`formatBytes` bound to the panel's language). */
export type FormatSize = (bytes: number) => string;

/** The files against the limits, checked in the form so nothing too big is ever sent. */
export function attachmentError(files: readonly PickedFile[], limits: AttachmentLimits, formatSize: FormatSize): FieldError | null {
  if (files.length > limits.maxCount) return { field: 'files', key: 'error.tooManyFiles', values: { count: limits.maxCount } };
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > limits.maxTotalBytes) {
    return { field: 'files', key: 'error.filesTooLarge', values: { size: formatSize(total), limit: formatSize(limits.maxTotalBytes) } };
  }
  return null;
}

/** Every refusal of the form as it stands, in the order of its fields; empty when it may be sent. */
export function ticketFormErrors(input: TicketFormInput, limits: AttachmentLimits, formatSize: FormatSize): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.categoryId) errors.push({ field: 'categoryId', key: 'error.required', values: { field: 'ticket.department' } });
  if (!input.subject.trim()) errors.push({ field: 'subject', key: 'error.required', values: { field: 'ticket.subject' } });
  if (!input.description.trim()) errors.push({ field: 'description', key: 'error.required', values: { field: 'ticket.description' } });
  const files = attachmentError(input.files, limits, formatSize);
  if (files) errors.push(files);
  if (input.callback.requested) {
    if (!normalizePhone(input.callback.phone)) errors.push({ field: 'phone', key: 'error.phone' });
    if (!input.callback.consent) errors.push({ field: 'consent', key: 'error.consent' });
  }
  return errors;
}

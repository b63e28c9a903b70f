import { z } from 'zod';
import { pageQuerySchema } from '@helpgate/platform';
import { TemplatePreview, templateNeedsPortalValues } from './reply-template';
import { ReplyTemplateEntity } from './reply-template.entity';

const templateName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}]+$/u, 'may not contain control characters');

const templateSubject = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .regex(/^[^\p{Cc}]+$/u, 'may not contain control characters (a subject is one line)');

const templateBody = z.string().trim().min(1).max(20_000);

export const createReplyTemplateSchema = z.strictObject({
  name: templateName,
  /** Without it, the reply answers the ticket's subject ("Re: …"). */
  subject: templateSubject.nullable().default(null),
  body: templateBody,
});

export type CreateReplyTemplateDto = z.output<typeof createReplyTemplateSchema>;

/** A template's texts as being written, not saved yet. */
export const previewReplyTemplateSchema = createReplyTemplateSchema.omit({ name: true });

export type PreviewReplyTemplateDto = z.output<typeof previewReplyTemplateSchema>;

export const replyTemplatePreviewSchema = z
  .object({
    subject: z.string().describe('With the ticket token, as mailed.'),
    text: z.string(),
    needsPortalValues: z.boolean(),
  })
  .meta({ id: 'ReplyTemplatePreview' }) satisfies z.ZodType<TemplatePreview>;

export const updateReplyTemplateSchema = z
  .strictObject({
    name: templateName.optional(),
    /** null: answer the ticket's subject. */
    subject: templateSubject.nullable().optional(),
    body: templateBody.optional(),
    active: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'change at least one field');

export type UpdateReplyTemplateDto = z.output<typeof updateReplyTemplateSchema>;

export const replyTemplateListSchema = pageQuerySchema.extend({
  includeInactive: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

export type ReplyTemplateListDto = z.output<typeof replyTemplateListSchema>;

export const replyTemplateResponseSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    subject: z.string().nullable(),
    body: z.string(),
    active: z.boolean(),
    needsPortalValues: z
      .boolean()
      .describe('It names `{{portal.*}}` values: identity completes the mail and sends it to the requester alone, never to CCs.'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ReplyTemplate' });

export type ReplyTemplateDto = z.infer<typeof replyTemplateResponseSchema>;

export function toReplyTemplate(template: ReplyTemplateEntity): ReplyTemplateDto {
  return {
    id: template.id,
    name: template.name,
    subject: template.subject,
    body: template.body,
    active: template.active,
    needsPortalValues: templateNeedsPortalValues(template),
    createdAt: template.createdAt.toISOString(),
    updatedAt: template.updatedAt.toISOString(),
  };
}

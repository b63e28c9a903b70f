import { z } from 'zod';
import { pageQuerySchema } from '@helpgate/platform';
import { languageSchema } from '../knowledge-base/article-file';
import type { AnnouncementEntity } from './announcement.entity';

/** An absolute http(s) URL, or a path of the help center such as `/help-center/articles/kb-sso?language=en`. */
const linkSchema = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (link) => /^\/(?!\/)\S*$/.test(link) || (/^https?:\/\/\S+$/.test(link) && URL.canParse(link)),
    'must be an http(s) URL or a path starting with /',
  );

const announcementFieldsSchema = z.object({
  title: z.string().trim().min(1).max(200),
  text: z.string().trim().min(1).max(20_000).describe('Markdown.'),
  publishedFrom: z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
  language: languageSchema.nullable().default(null).describe('Null: shown in every language.'),
  link: linkSchema.nullable().default(null),
});

export const createAnnouncementSchema = announcementFieldsSchema.strict();
export type CreateAnnouncementDto = z.output<typeof createAnnouncementSchema>;

export const updateAnnouncementSchema = z
  .strictObject({
    title: announcementFieldsSchema.shape.title,
    text: announcementFieldsSchema.shape.text,
    publishedFrom: announcementFieldsSchema.shape.publishedFrom,
    language: languageSchema.nullable(),
    link: linkSchema.nullable(),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'change at least one field');
export type UpdateAnnouncementDto = z.output<typeof updateAnnouncementSchema>;

export const announcementIdSchema = z.uuid();

export const adminAnnouncementListSchema = pageQuerySchema.extend({ language: languageSchema.optional() });
export type AdminAnnouncementListDto = z.output<typeof adminAnnouncementListSchema>;

/** The reader's language: announcements in it and those for every language. */
const readerLanguageSchema = languageSchema.default('en');

export const publicAnnouncementListSchema = pageQuerySchema.extend({ language: readerLanguageSchema });
export type PublicAnnouncementListDto = z.output<typeof publicAnnouncementListSchema>;

/** The widget's own id for an anonymous reader (a UUID it generates and keeps); a contact token stands in for it. */
const visitorIdSchema = z.uuid().optional();

export const unreadQuerySchema = z.object({ visitorId: visitorIdSchema, language: readerLanguageSchema });
export type UnreadQueryDto = z.output<typeof unreadQuerySchema>;

export const readMarkSchema = z.strictObject({
  visitorId: visitorIdSchema,
  /** The newest announcement the reader saw (its `publishedFrom`); by default, now. */
  readUpTo: z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value))
    .optional(),
});
export type ReadMarkDto = z.output<typeof readMarkSchema>;

/** An announcement as the help center shows it. */
export const publicAnnouncementSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    text: z.string().describe('Markdown.'),
    publishedFrom: z.iso.datetime(),
    language: z.string().nullable(),
    link: z.string().nullable(),
  })
  .meta({ id: 'PublicAnnouncement' });
export type PublicAnnouncementDto = z.infer<typeof publicAnnouncementSchema>;

/** An announcement as admins see it: whether it is shown yet, and when it was written. */
export const adminAnnouncementSchema = publicAnnouncementSchema
  .extend({
    published: z.boolean().describe('Whether `publishedFrom` has come: the help center shows it.'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'AdminAnnouncement' });
export type AdminAnnouncementDto = z.infer<typeof adminAnnouncementSchema>;

export const unreadCountSchema = z
  .object({
    unread: z.number().int().describe('Published announcements in the reader’s language (or every language) after `readUpTo`.'),
    readUpTo: z.iso.datetime().nullable().describe('Null: the reader never marked any read, so every one counts.'),
  })
  .meta({ id: 'AnnouncementUnreadCount' });
export type UnreadCountDto = z.infer<typeof unreadCountSchema>;

export function toPublicAnnouncement(announcement: AnnouncementEntity): PublicAnnouncementDto {
  const { id, title, text, language, link } = announcement;
  return { id, title, text, publishedFrom: announcement.publishedFrom.toISOString(), language, link };
}

export function toAdminAnnouncement(announcement: AnnouncementEntity, now: Date): AdminAnnouncementDto {
  return {
    ...toPublicAnnouncement(announcement),
    published: announcement.publishedFrom <= now,
    createdAt: announcement.createdAt.toISOString(),
    updatedAt: announcement.updatedAt.toISOString(),
  };
}

import { z } from 'zod';
import { pageQuerySchema } from '@helpgate/platform';
import { incidentStatuses, openingStatuses } from './incident-status';
import type { IncidentUpdateEntity } from './incident-update.entity';
import type { IncidentEntity } from './incident.entity';

const updateTextSchema = z.string().trim().min(1).max(5000);

export const openIncidentSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  /** A ticket category's feature, as free text ("Course authoring"). */
  feature: z.string().trim().min(1).max(200),
  region: z.string().trim().min(1).max(100).nullable().default(null),
  status: z.enum(openingStatuses).default('investigating'),
  /** The first update's text. */
  text: updateTextSchema,
});
export type OpenIncidentDto = z.output<typeof openIncidentSchema>;

export const postUpdateSchema = z.strictObject({
  status: z.enum(incidentStatuses).describe('The same as now, or a later stage; `resolved` closes the incident.'),
  text: updateTextSchema,
});
export type PostUpdateDto = z.output<typeof postUpdateSchema>;

export const incidentIdSchema = z.uuid();

export const incidentListSchema = pageQuerySchema.extend({ state: z.enum(['open', 'resolved']).optional() });
export type IncidentListDto = z.output<typeof incidentListSchema>;

const incidentUpdateSchema = z.object({
  status: z.enum(incidentStatuses),
  text: z.string(),
  postedAt: z.iso.datetime(),
});

/** An incident with its dated updates, the latest first. */
export const incidentSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    feature: z.string(),
    region: z.string().nullable(),
    status: z.enum(incidentStatuses),
    openedAt: z.iso.datetime(),
    resolvedAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime().describe('When the latest update was posted.'),
    updates: z.array(incidentUpdateSchema),
  })
  .meta({ id: 'StatusIncident' });
export type IncidentDto = z.infer<typeof incidentSchema>;

export const statusPageSchema = z
  .object({
    incidents: z
      .array(incidentSchema)
      .describe('The open incidents, the latest opened first, then those resolved recently, the latest first.'),
    resolvedShownDays: z.number().int().describe('How long a resolved incident stays listed.'),
  })
  .meta({ id: 'StatusPage' });
export type StatusPageDto = z.infer<typeof statusPageSchema>;

/** An open incident as the help center's banner shows it. */
export const bannerIncidentSchema = incidentSchema
  .pick({ id: true, title: true, feature: true, region: true, status: true, updatedAt: true })
  .extend({ latestUpdate: z.string() })
  .meta({ id: 'StatusBannerIncident' });
export type BannerIncidentDto = z.infer<typeof bannerIncidentSchema>;

/** An incident with its updates, the latest first (as `IncidentsRepository.updatesOf` reads them). */
export interface IncidentWithUpdates {
  incident: IncidentEntity;
  updates: IncidentUpdateEntity[];
}

export function toIncident({ incident, updates }: IncidentWithUpdates): IncidentDto {
  return {
    id: incident.id,
    title: incident.title,
    feature: incident.feature,
    region: incident.region,
    status: incident.status,
    openedAt: incident.openedAt.toISOString(),
    resolvedAt: incident.resolvedAt?.toISOString() ?? null,
    updatedAt: incident.updatedAt.toISOString(),
    updates: updates.map((update) => ({ status: update.status, text: update.text, postedAt: update.postedAt.toISOString() })),
  };
}

export function toBannerIncident({ incident, updates }: IncidentWithUpdates): BannerIncidentDto {
  const { id, title, feature, region, status } = incident;
  return { id, title, feature, region, status, latestUpdate: updates[0]?.text ?? '', updatedAt: incident.updatedAt.toISOString() };
}

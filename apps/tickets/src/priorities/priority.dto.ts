import { z } from 'zod';
import { ticketPriorities } from '@helpgate/contracts';
import type { PriorityDefinition } from '../domain/priorities';

export const priorityDefinitionSchema = z.object({
  id: z.enum(ticketPriorities),
  name: z.string(),
  description: z.string().describe('What the priority means for the business, shown where customers and agents choose one.'),
}) satisfies z.ZodType<PriorityDefinition>;

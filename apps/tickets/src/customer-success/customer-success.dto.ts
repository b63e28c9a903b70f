import { z } from 'zod';
import { ticketPriorities } from '@helpgate/contracts';
import { priorityDefinitionSchema } from '../priorities/priority.dto';

/** The longest message the form takes: a request to the team, not a document. */
export const maxCustomerSuccessMessageChars = 10_000;

export const customerSuccessSubmissionSchema = z.strictObject({
  /** One of the offered categories; the team's customer-success category when left out. */
  categoryId: z.uuid().optional(),
  priority: z.enum(ticketPriorities).default('normal'),
  /** The address the team answers at; identity finds or creates its contact by the rules mail follows. */
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200).optional(),
  message: z.string().trim().min(1).max(maxCustomerSuccessMessageChars),
});

export type CustomerSuccessSubmissionDto = z.output<typeof customerSuccessSubmissionSchema>;

export const customerSuccessReceiptSchema = z.object({
  submissionId: z.uuid(),
  status: z.literal('received').describe('The ticket is opened once identity has resolved the address (a moment later).'),
});

export type CustomerSuccessReceiptDto = z.infer<typeof customerSuccessReceiptSchema>;

export const customerSuccessFormSchema = z.object({
  enabled: z.boolean().describe('Whether tickets accepts the form (the team enables it and sets its category).'),
  categories: z.array(z.object({ id: z.uuid(), path: z.string() })).describe('The categories offered; the first is the default.'),
  priorities: z.array(priorityDefinitionSchema),
  maxMessageChars: z.number().int(),
});

export type CustomerSuccessFormDto = z.infer<typeof customerSuccessFormSchema>;

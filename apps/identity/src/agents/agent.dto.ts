import { z } from 'zod';
import { agentRoles } from '@helpgate/contracts';
import { pageQuerySchema } from '@helpgate/platform';
import { emailInput, languageInput, namePart } from '../contacts/contact.dto';
import type { Agent } from './agent';

const agentName = namePart(200).pipe(z.string().min(1, 'must not be empty'));

const languages = z
  .array(languageInput)
  .max(50)
  .transform((tags) => [...new Set(tags)]);

export const createAgentSchema = z.strictObject({
  email: emailInput,
  name: agentName,
  role: z.enum(agentRoles).default('agent'),
  languages: languages.default(['en']),
  chatCapacity: z.number().int().min(0).max(100).default(3),
});
export type CreateAgentDto = z.output<typeof createAgentSchema>;

export const updateAgentSchema = z
  .strictObject({
    name: agentName,
    role: z.enum(agentRoles),
    languages,
    chatCapacity: z.number().int().min(0).max(100),
    active: z.boolean(),
  })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, 'name at least one field to change');
export type UpdateAgentDto = z.output<typeof updateAgentSchema>;

export const agentListSchema = pageQuerySchema;

export const agentResponseSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(agentRoles),
    languages: z.array(z.string()),
    chatCapacity: z.number().int(),
    active: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Agent' });

export type AgentDto = z.infer<typeof agentResponseSchema>;

export function toAgentDto(agent: Agent): AgentDto {
  return { ...agent, createdAt: agent.createdAt.toISOString(), updatedAt: agent.updatedAt.toISOString() };
}

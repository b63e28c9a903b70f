import { z } from 'zod';
import type { AgentDto } from '../agents/agent.dto';
import { ContactResponseDto, emailInput } from '../contacts/contact.dto';
import { passwordRules } from './password-hash';

export const signInSchema = z.strictObject({ email: emailInput, password: z.string().min(1).max(passwordRules.maxLength) });
export type SignInDto = z.output<typeof signInSchema>;

export const passwordResetSchema = z.strictObject({ email: emailInput, accountType: z.enum(['contact', 'agent']).default('contact') });
export type PasswordResetDto = z.output<typeof passwordResetSchema>;

const linkToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'is not a link token');

export const setPasswordSchema = z.strictObject({ token: linkToken, password: z.string().max(1000) });
export type SetPasswordDto = z.output<typeof setPasswordSchema>;

export const verifyEmailSchema = z.strictObject({ token: linkToken });
export type VerifyEmailDto = z.output<typeof verifyEmailSchema>;

export interface AccessTokenDto {
  accessToken: string;
  tokenType: 'Bearer';
  expiresAt: string;
}

/** What a contact sees of itself in the portal: never the agents' details, notes or tags. */
export interface PortalProfileDto {
  id: string;
  name: string;
  firstName: string | null;
  lastName: string | null;
  portalUserName: string;
  emailAddresses: { email: string; isPrimary: boolean; verified: boolean }[];
  organizations: { id: string; name: string; isPrimaryContact: boolean }[];
  language: string | null;
  timeZone: string | null;
}

export function toPortalProfile(contact: ContactResponseDto): PortalProfileDto {
  return {
    id: contact.id,
    name: contact.name,
    firstName: contact.firstName,
    lastName: contact.lastName,
    portalUserName: contact.email,
    emailAddresses: contact.emailAddresses.map(({ email, isPrimary, verified }) => ({ email, isPrimary, verified })),
    organizations: contact.organizations.map(({ id, name, isPrimaryContact }) => ({ id, name, isPrimaryContact })),
    language: contact.language,
    timeZone: contact.timeZone,
  };
}

export type MeDto = { kind: 'agent'; agent: AgentDto } | { kind: 'contact'; contact: PortalProfileDto };

import { z } from 'zod';
import { agentResponseSchema } from '../agents/agent.dto';
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

const accessTokenSchema = z.object({ accessToken: z.string(), tokenType: z.literal('Bearer'), expiresAt: z.iso.datetime() });

export type AccessTokenDto = z.infer<typeof accessTokenSchema>;

/** What sign-in and renewal answer: a short-lived access token and the refresh token that renews it (also set as a cookie). */
export const sessionTokensSchema = accessTokenSchema.extend({
  refreshToken: z.string().describe('Renews the session once through POST /auth/refresh; each renewal answers a new one.'),
  refreshTokenExpiresAt: z.iso.datetime().describe('When the session ends, whatever its renewals.'),
});

export type SessionTokensDto = z.infer<typeof sessionTokensSchema>;

/** API clients send their refresh token in the body; browsers send none and the cookie carries it. */
export const refreshTokenSchema = z.strictObject({ refreshToken: z.string().min(1).max(200).optional() }).default({});
export type RefreshTokenDto = z.output<typeof refreshTokenSchema>;

/** What a contact sees of itself in the portal: never the agents' details, notes or tags. */
const portalProfileSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  portalUserName: z.string(),
  emailAddresses: z.array(z.object({ email: z.string(), isPrimary: z.boolean(), verified: z.boolean() })),
  organizations: z.array(z.object({ id: z.uuid(), name: z.string(), isPrimaryContact: z.boolean() })),
  language: z.string().nullable(),
  timeZone: z.string().nullable(),
});

export type PortalProfileDto = z.infer<typeof portalProfileSchema>;

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

export const meSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('agent'), agent: agentResponseSchema }),
  z.object({ kind: z.literal('contact'), contact: portalProfileSchema }),
]);

export type MeDto = z.infer<typeof meSchema>;

export const verifiedEmailSchema = z.object({ email: z.string().describe('The address now verified.') });

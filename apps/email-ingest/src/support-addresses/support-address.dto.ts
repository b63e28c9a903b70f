import { z } from 'zod';
import { SupportAddressEntity } from './support-address.entity';

const category = z.string().trim().min(1).max(200).nullable().default(null);

export const putSupportAddressSchema = z.object({ defaultCategory: category });

export type PutSupportAddressDto = z.output<typeof putSupportAddressSchema>;

export const supportAddressParamSchema = z
  .email()
  .transform((address) => address.toLowerCase())
  .refine((address) => !address.slice(0, address.lastIndexOf('@')).includes('+'), 'a support address has no plus tag');

export const supportAddressResponseSchema = z
  .object({ address: z.email(), defaultCategory: z.string().nullable(), createdAt: z.iso.datetime() })
  .meta({ id: 'SupportAddress' });

export type SupportAddressResponseDto = z.infer<typeof supportAddressResponseSchema>;

export function toSupportAddressResponse(entity: SupportAddressEntity): SupportAddressResponseDto {
  return { address: entity.address, defaultCategory: entity.defaultCategory, createdAt: entity.createdAt.toISOString() };
}

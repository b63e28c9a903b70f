import { z } from 'zod';
import { SupportAddressEntity } from './support-address.entity';

const category = z.string().trim().min(1).max(200).nullable().default(null);

export const putSupportAddressSchema = z.object({ defaultCategory: category });

export type PutSupportAddressDto = z.output<typeof putSupportAddressSchema>;

export const supportAddressParamSchema = z
  .email()
  .transform((address) => address.toLowerCase())
  .refine((address) => !address.slice(0, address.lastIndexOf('@')).includes('+'), 'a support address has no plus tag');

export interface SupportAddressResponseDto {
  address: string;
  defaultCategory: string | null;
  createdAt: string;
}

export function toSupportAddressResponse(entity: SupportAddressEntity): SupportAddressResponseDto {
  return { address: entity.address, defaultCategory: entity.defaultCategory, createdAt: entity.createdAt.toISOString() };
}

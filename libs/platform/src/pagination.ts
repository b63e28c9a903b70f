import { z } from 'zod';

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export type Page = z.output<typeof pageQuerySchema>;

export interface PageOf<Item> {
  items: Item[];
  total: number;
  limit: number;
  offset: number;
}

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

/** The response schema of a list of `item`s, one page of them. */
export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    total: z.number().int().describe('How many there are in all, on every page.'),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}

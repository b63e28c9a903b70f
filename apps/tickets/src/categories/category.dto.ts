import { z } from 'zod';
import { categoryPath } from '../domain/category-label';
import { CategoryEntity } from './category.entity';

const categoryName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\p{Cc}<>]+$/u, 'may not contain control characters or < >')
  .transform((name) => name.replace(/\s+/g, ' '));

export const createCategorySchema = z.strictObject({
  department: categoryName,
  /** A feature beneath the (existing) department; without it, a new department. */
  feature: categoryName.optional(),
});

export type CreateCategoryDto = z.output<typeof createCategorySchema>;

export const updateCategorySchema = z
  .strictObject({
    /** The department's name (renaming it for its features too), or the feature's. */
    name: categoryName.optional(),
    active: z.boolean().optional(),
  })
  .refine((body) => body.name !== undefined || body.active !== undefined, 'change name or active');

export type UpdateCategoryDto = z.output<typeof updateCategorySchema>;

export const categoryListSchema = z.object({
  includeInactive: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

export type CategoryListDto = z.output<typeof categoryListSchema>;

export const categoryResponseSchema = z
  .object({
    id: z.uuid(),
    department: z.string(),
    feature: z.string().nullable(),
    path: z.string().describe('"Department / Feature", or the department alone.'),
    active: z.boolean().describe('False when the category, or its department, is deactivated.'),
  })
  .meta({ id: 'Category' });

export type CategoryDto = z.infer<typeof categoryResponseSchema>;

export const departmentResponseSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    active: z.boolean(),
    features: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        active: z.boolean(),
        path: z.string().describe('"Department / Feature": how a support address names it as its default category.'),
      }),
    ),
  })
  .meta({ id: 'Department' });

export type DepartmentDto = z.infer<typeof departmentResponseSchema>;

/** A category whose department is deactivated counts as inactive too. */
export interface CategoryInTree {
  entity: CategoryEntity;
  active: boolean;
}

export function toCategory({ entity, active }: CategoryInTree): CategoryDto {
  return { id: entity.id, department: entity.department, feature: entity.feature, path: categoryPath(entity), active };
}

export function toDepartments(categories: readonly CategoryInTree[]): DepartmentDto[] {
  const departments = new Map<string, DepartmentDto>();
  for (const { entity, active } of categories) {
    const key = entity.department.toLowerCase();
    if (entity.feature === null) departments.set(key, { id: entity.id, name: entity.department, active, features: [] });
    else departments.get(key)?.features.push({ id: entity.id, name: entity.feature, active, path: categoryPath(entity) });
  }
  return [...departments.values()];
}

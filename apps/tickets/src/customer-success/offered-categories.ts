import type { DepartmentDto } from '../categories/category.dto';

export interface OfferedCategory {
  id: string;
  path: string;
}

/**
 * The active categories the customer-success form offers: the team's customer-success category, and its features
 * when it is a department. None while that category is unset or deactivated.
 */
export function offeredCategories(
  activeDepartments: readonly DepartmentDto[],
  customerSuccessCategoryId: string | null,
): OfferedCategory[] {
  for (const department of activeDepartments) {
    if (department.id === customerSuccessCategoryId) {
      return [{ id: department.id, path: department.name }, ...department.features.map(({ id, path }) => ({ id, path }))];
    }
    const feature = department.features.find((candidate) => candidate.id === customerSuccessCategoryId);
    if (feature) return [{ id: feature.id, path: feature.path }];
  }
  return [];
}

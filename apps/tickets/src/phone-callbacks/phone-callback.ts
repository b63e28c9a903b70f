const separators = /[\s\-.()/]/g;

/**
 * A phone number to call back, in international form: spaces, dashes, dots, slashes and parentheses removed, a
 * leading `00` read as `+`, then `+` and 8 to 15 digits not starting with 0 (E.164). Null when it is not one: without
 * its country code a number cannot be dialled from a support team abroad.
 */
export function callbackPhoneNumber(raw: string): string | null {
  const compact = raw.trim().replace(separators, '').replace(/^00/, '+');
  return /^\+[1-9]\d{7,14}$/.test(compact) ? compact : null;
}

export interface CategoryName {
  id: string;
  department: string;
  feature: string | null;
}

/** The categories a ticket may ask for a phone call in: all but the excluded ones, a department excluding its features. */
export function categoriesAllowingCallback(categories: readonly CategoryName[], excludedIds: readonly string[]): string[] {
  const excluded = new Set(excludedIds);
  const excludedDepartments = new Set(
    categories
      .filter((category) => category.feature === null && excluded.has(category.id))
      .map((category) => category.department.toLowerCase()),
  );
  return categories
    .filter((category) => !excluded.has(category.id) && !excludedDepartments.has(category.department.toLowerCase()))
    .map((category) => category.id);
}

export interface LabelledCategory {
  id: string;
  department: string;
  feature: string | null;
  active: boolean;
}

/** "Department / Feature", or the department alone: how categories are named in labels and lists. */
export function categoryPath(category: Pick<LabelledCategory, 'department' | 'feature'>): string {
  return category.feature ? `${category.department} / ${category.feature}` : category.department;
}

/**
 * The active category a free-text label names (a support address's default category): its path ("Service request /
 * Billing"), a department ("Security"), or a feature whose name no other department uses ("Billing"). Case and
 * spacing do not matter. Null when the label names none, or more than one.
 */
export function categoryForLabel<Category extends LabelledCategory>(categories: readonly Category[], label: string): Category | null {
  const wanted = normalize(label);
  const active = categories.filter((category) => category.active);
  const byPath = active.find((category) => normalize(categoryPath(category)) === wanted);
  if (byPath) return byPath;
  const byFeature = active.filter((category) => category.feature !== null && normalize(category.feature) === wanted);
  return byFeature.length === 1 ? byFeature[0] : null;
}

function normalize(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

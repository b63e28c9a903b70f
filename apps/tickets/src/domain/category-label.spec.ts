import { categoryForLabel, categoryPath, LabelledCategory } from './category-label';

const category = (id: string, department: string, feature: string | null, active = true): LabelledCategory => ({
  id,
  department,
  feature,
  active,
});

const categories = [
  category('sr', 'Service request', null),
  category('billing', 'Service request', 'Billing'),
  category('sync', 'Service request', 'Platform sync (production / sandbox)'),
  category('ui', 'UI/UX', null),
  category('ui-admin', 'UI/UX', 'Admin issue'),
  category('sf-other', 'Salesforce', 'Other'),
  category('cm-other', 'Content marketplace', 'Other'),
  category('old', 'Legacy', null, false),
];

describe('categoryPath', () => {
  it('names a feature with its department', () => {
    expect(categoryPath(categories[1])).toBe('Service request / Billing');
    expect(categoryPath(categories[3])).toBe('UI/UX');
  });
});

describe('categoryForLabel', () => {
  it('finds a department, or a feature by its path, in any case and spacing', () => {
    expect(categoryForLabel(categories, 'service request')?.id).toBe('sr');
    expect(categoryForLabel(categories, '  UI/UX  /  admin ISSUE ')?.id).toBe('ui-admin');
    expect(categoryForLabel(categories, 'Service request / Platform sync (production / sandbox)')?.id).toBe('sync');
  });

  it('finds a feature by its name alone when no other department has one so named', () => {
    expect(categoryForLabel(categories, 'Billing')?.id).toBe('billing');
    expect(categoryForLabel(categories, 'Other')).toBeNull();
  });

  it('finds nothing for unknown or inactive categories', () => {
    expect(categoryForLabel(categories, 'Invoices')).toBeNull();
    expect(categoryForLabel(categories, 'Legacy')).toBeNull();
  });
});

import { offeredCategories } from './offered-categories';

describe('offeredCategories', () => {
  const departments = [
    { id: 'api', name: 'API', active: true, features: [] },
    {
      id: 'service',
      name: 'Service request',
      active: true,
      features: [
        { id: 'billing', name: 'Billing', active: true, path: 'Service request / Billing' },
        { id: 'account', name: 'Account service', active: true, path: 'Service request / Account service' },
      ],
    },
  ];

  it('offers a department with its features', () => {
    expect(offeredCategories(departments, 'service')).toEqual([
      { id: 'service', path: 'Service request' },
      { id: 'billing', path: 'Service request / Billing' },
      { id: 'account', path: 'Service request / Account service' },
    ]);
  });

  it('offers a feature alone', () => {
    expect(offeredCategories(departments, 'account')).toEqual([{ id: 'account', path: 'Service request / Account service' }]);
  });

  it('offers nothing without an active customer-success category', () => {
    expect(offeredCategories(departments, null)).toEqual([]);
    expect(offeredCategories(departments, 'deactivated')).toEqual([]);
  });
});

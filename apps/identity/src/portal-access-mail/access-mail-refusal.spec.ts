import { accessMailRefusal } from './access-mail-refusal';

describe('access mail refusal', () => {
  const active = { status: 'active', anonymizedAt: null, mergedIntoId: null } as const;

  it('lets an active contact be mailed', () => {
    expect(accessMailRefusal(active)).toBeNull();
  });

  it('names why a contact that is gone is not mailed', () => {
    expect(accessMailRefusal(null)).toBe('contact_unknown');
    expect(accessMailRefusal({ ...active, mergedIntoId: '0b6e1c4e-2f4b-4d55-9a55-1d9cfe0f3a11' })).toBe('contact_unknown');
    expect(accessMailRefusal({ ...active, status: 'inactive', anonymizedAt: new Date() })).toBe('contact_erased');
    expect(accessMailRefusal({ ...active, status: 'inactive' })).toBe('contact_inactive');
  });
});

import { normalizePhone } from './phone-number';

describe('normalizePhone', () => {
  it('removes separators and keeps the leading plus', () => {
    expect(normalizePhone(' +39 (06) 1234-56.78 ')).toBe('+390612345678');
    expect(normalizePhone('030 123456')).toBe('030123456');
  });

  it.each(['', '12345', '+1234567890123456', '++391234567', '39+1234567', '+39 06 CALL ME', '1234567#2'])('rejects %p', (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });
});

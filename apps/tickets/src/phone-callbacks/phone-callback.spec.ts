import { callbackPhoneNumber, categoriesAllowingCallback } from './phone-callback';

describe('callbackPhoneNumber', () => {
  it('normalizes international numbers', () => {
    expect(callbackPhoneNumber('+39 02 1234 5678')).toBe('+390212345678');
    expect(callbackPhoneNumber('0041 (44) 668-18-00')).toBe('+41446681800');
    expect(callbackPhoneNumber(' +1 415.555.0100 ')).toBe('+14155550100');
  });

  it('refuses numbers without a country code, too short or too long, or with letters', () => {
    expect(callbackPhoneNumber('02 1234 5678')).toBeNull();
    expect(callbackPhoneNumber('+0 123 456 789')).toBeNull();
    expect(callbackPhoneNumber('+123456')).toBeNull();
    expect(callbackPhoneNumber('+1234567890123456')).toBeNull();
    expect(callbackPhoneNumber('+39 02 CALL ME')).toBeNull();
    expect(callbackPhoneNumber('')).toBeNull();
  });
});

describe('categoriesAllowingCallback', () => {
  const security = { id: 'security', department: 'Security', feature: null };
  const performance = { id: 'performance', department: 'Performance', feature: null };
  const outage = { id: 'outage', department: 'Performance', feature: 'Platform outage' };
  const latency = { id: 'latency', department: 'Performance', feature: 'General latency' };
  const securityAudit = { id: 'security-audit', department: 'security', feature: 'Audit' };
  const all = [security, securityAudit, performance, outage, latency];

  it('allows every category when none is excluded', () => {
    expect(categoriesAllowingCallback(all, [])).toEqual(all.map((category) => category.id));
  });

  it('excludes a department with its features, and a feature alone', () => {
    expect(categoriesAllowingCallback(all, ['security', 'outage'])).toEqual(['performance', 'latency']);
  });
});

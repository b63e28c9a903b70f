import { portalUrlSchema } from './portal-url';

describe('portalUrlSchema', () => {
  it('takes https anywhere and http on this machine only', () => {
    expect(portalUrlSchema.safeParse('https://support.example.test/help').success).toBe(true);
    expect(portalUrlSchema.safeParse('http://127.0.0.1:3004/help-center').success).toBe(true);
    expect(portalUrlSchema.safeParse('http://localhost:3004/').success).toBe(true);
    expect(portalUrlSchema.safeParse('http://support.example.test').success).toBe(false);
    expect(portalUrlSchema.safeParse('http://127.0.0.1.example.test').success).toBe(false);
    expect(portalUrlSchema.safeParse('ftp://support.example.test').success).toBe(false);
  });
});

import { isOnDeployment } from './logo-location';

describe('isOnDeployment', () => {
  const publicUrls = ['http://127.0.0.1:3004', 'https://help.example.com/api'];

  it('accepts paths on chat and URLs on the public origins', () => {
    expect(isOnDeployment('/help-center/logos/abc', publicUrls)).toBe(true);
    expect(isOnDeployment('http://127.0.0.1:3004/help-center/logos/abc', publicUrls)).toBe(true);
    expect(isOnDeployment('https://help.example.com/static/logo.png', publicUrls)).toBe(true);
  });

  it('refuses anything loaded from elsewhere', () => {
    expect(isOnDeployment('https://cdn.example.net/logo.png', publicUrls)).toBe(false);
    expect(isOnDeployment('http://help.example.com/logo.png', publicUrls)).toBe(false);
    expect(isOnDeployment('//cdn.example.net/logo.png', publicUrls)).toBe(false);
    expect(isOnDeployment('/\\cdn.example.net/logo.png', publicUrls)).toBe(false);
    expect(isOnDeployment('data:image/png;base64,AAAA', publicUrls)).toBe(false);
    expect(isOnDeployment('logo.png', publicUrls)).toBe(false);
  });
});

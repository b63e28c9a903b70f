import { corsOptions, preflightMaxAgeSeconds } from './cors';

describe('corsOptions', () => {
  it('allows no browser caller when no origin is configured', () => {
    expect(corsOptions([])).toBeNull();
  });

  it('answers only the configured origins, with the headers a browser client sends and a cached preflight', () => {
    const options = corsOptions(['http://127.0.0.1:3004', 'https://help.example.com'])!;
    expect(options.origin).toEqual(['http://127.0.0.1:3004', 'https://help.example.com']);
    expect(options.allowedHeaders).toEqual(expect.arrayContaining(['authorization', 'content-type']));
    expect(options.methods).toEqual(expect.arrayContaining(['GET', 'POST', 'PATCH', 'DELETE']));
    expect(options.exposedHeaders).toContain('retry-after');
    expect(options.maxAge).toBe(preflightMaxAgeSeconds);
  });
});

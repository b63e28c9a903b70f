import { levelOfKafkajsError } from './kafkajs-log-level';

describe('levelOfKafkajsError', () => {
  it.each([
    'This server is not the leader for that topic-partition',
    'There is no leader for this topic-partition as we are in the middle of a leadership election',
    'The group coordinator is not available',
    "The coordinator is loading and hence can't process requests for this group",
    'This is not the correct coordinator for this group',
  ])('logs "%s", which kafkajs retries, as a warning', (error) => {
    expect(levelOfKafkajsError({ error })).toBe('warn');
  });

  it.each([
    ['a broken connection', { error: 'Connection error: connect ECONNREFUSED 127.0.0.1:9092' }],
    ['an oversized record', { error: 'The request included a message larger than the max message size the server will accept' }],
    ['an entry without an error', {}],
  ])('keeps %s at error level', (_label, details) => {
    expect(levelOfKafkajsError(details)).toBe('error');
  });
});

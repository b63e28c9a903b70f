import { DEAD_LETTER_HEADERS } from './dead-letter-headers';
import { addressedToGroup, isReplayForAnotherGroup, replayOf } from './replay';

describe('replaying dead letters', () => {
  const deadLetter = {
    topic: 'email.outbound.failed.v1',
    partition: 1,
    offset: '7',
    key: 'k',
    value: '{"eventId":"e"}',
    headers: {
      'event-id': 'e',
      [DEAD_LETTER_HEADERS.reason]: 'boom',
      [DEAD_LETTER_HEADERS.consumerGroup]: 'helpgate-tickets',
      [DEAD_LETTER_HEADERS.originalOffset]: '3',
    },
  };

  it('hands the event back to its topic with its own headers, addressed to the failing group, naming where it came from', () => {
    expect(replayOf(deadLetter, 'helpgate-tickets')).toEqual({
      topic: 'email.outbound.failed.v1',
      key: 'k',
      value: '{"eventId":"e"}',
      headers: {
        'event-id': 'e',
        [DEAD_LETTER_HEADERS.replayedFrom]: 'email.outbound.failed.v1.dlq/1/7',
        [DEAD_LETTER_HEADERS.replayForGroup]: 'helpgate-tickets',
      },
    });
  });

  it('lets only the addressed group handle a replayed record; records without the header go to everyone', () => {
    const replayed = addressedToGroup({ topic: 't', key: 'k', value: 'v', headers: {} }, 'helpgate-tickets').headers;
    expect(isReplayForAnotherGroup(replayed, 'helpgate-tickets')).toBe(false);
    expect(isReplayForAnotherGroup(replayed, 'helpgate-identity')).toBe(true);
    expect(isReplayForAnotherGroup({ 'event-id': 'e' }, 'helpgate-identity')).toBe(false);
  });
});

import { ccParticipants } from './participants';

describe('ccParticipants', () => {
  const mail = {
    supportAddress: 'support@helpgate.test',
    to: [{ address: 'support@helpgate.test' }, { address: 'Bob@Acme.test', name: 'Bob' }],
    cc: [
      { address: 'jane@acme.test' },
      { address: 'billing+x@helpgate.test' },
      { address: 'bob@acme.test' },
      { address: 'carol@acme.test' },
    ],
  };

  it('keeps other people from To and Cc once, without the requester or our own addresses', () => {
    expect(ccParticipants(mail, 'Jane@acme.test', 10)).toEqual([{ address: 'bob@acme.test', name: 'Bob' }, { address: 'carol@acme.test' }]);
  });

  it('stops at the limit', () => {
    expect(ccParticipants(mail, 'jane@acme.test', 1)).toEqual([{ address: 'bob@acme.test', name: 'Bob' }]);
  });
});

import { readFrameMessage } from './frame-messages';

describe('messages between the loader and the panel', () => {
  it('reads the messages of the protocol', () => {
    expect(readFrameMessage({ type: 'helpgate:ready' })).toEqual({ type: 'helpgate:ready' });
    expect(readFrameMessage({ type: 'helpgate:init', visitorId: 'v', contactToken: null, language: 'fr', extra: 1 })).toEqual({
      type: 'helpgate:init',
      visitorId: 'v',
      contactToken: null,
      language: 'fr',
    });
    expect(readFrameMessage({ type: 'helpgate:unread', count: 2 })).toEqual({ type: 'helpgate:unread', count: 2 });
  });

  it('ignores anything else a page may post', () => {
    expect(readFrameMessage('helpgate:ready')).toBeNull();
    expect(readFrameMessage({ type: 'webpackOk' })).toBeNull();
    expect(readFrameMessage({ type: 'helpgate:init', visitorId: 3, contactToken: null, language: null })).toBeNull();
    expect(readFrameMessage({ type: 'helpgate:unread', count: -1 })).toBeNull();
    expect(readFrameMessage({ type: 'helpgate:contact-token', contactToken: { token: 'x' } })).toBeNull();
  });
});

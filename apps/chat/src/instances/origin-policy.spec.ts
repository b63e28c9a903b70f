import { originRefusal } from './origin-policy';

describe('originRefusal', () => {
  const allowed = ['https://www.example.com', 'http://localhost:8080'];

  it('lets requests without an origin through: they come from no other site’s page', () => {
    expect(originRefusal(undefined, 'chat.example.com', allowed)).toBeNull();
    expect(originRefusal(undefined, 'chat.example.com', [])).toBeNull();
  });

  it('admits the allowed origins, whatever the case of the host', () => {
    expect(originRefusal('https://www.example.com', 'chat.example.com', allowed)).toBeNull();
    expect(originRefusal('https://WWW.example.com', 'chat.example.com', allowed)).toBeNull();
    expect(originRefusal('http://localhost:8080', 'chat.example.com', allowed)).toBeNull();
  });

  it('refuses every other origin, naming it and the setting', () => {
    expect(originRefusal('https://evil.test', 'chat.example.com', allowed)).toBe(
      'origin https://evil.test may not open the chat: it is not in CHAT_ALLOWED_ORIGINS',
    );
    expect(originRefusal('http://www.example.com', 'chat.example.com', allowed)).toMatch(/not in CHAT_ALLOWED_ORIGINS/); // scheme differs
    expect(originRefusal('http://localhost:8081', 'chat.example.com', allowed)).toMatch(/not in CHAT_ALLOWED_ORIGINS/); // port differs
  });

  it('admits pages of the chat’s own host with a list too: the help-center panel is one, in the allowed sites’ frames', () => {
    expect(originRefusal('https://chat.example.com', 'chat.example.com', allowed)).toBeNull();
    expect(originRefusal('https://chat.example.com:8443', 'chat.example.com', allowed)).toMatch(/not in CHAT_ALLOWED_ORIGINS/);
  });

  it('with no list, admits only pages of the host the chat is reached at, port included', () => {
    expect(originRefusal('http://127.0.0.1:3004', '127.0.0.1:3004', [])).toBeNull();
    expect(originRefusal('http://LOCALHOST:3004', 'localhost:3004', [])).toBeNull();
    expect(originRefusal('http://127.0.0.1:3000', '127.0.0.1:3004', [])).toBe(
      'origin http://127.0.0.1:3000 may not open the chat: CHAT_ALLOWED_ORIGINS is empty, so only pages of 127.0.0.1:3004 may',
    );
    expect(originRefusal('https://evil.test', undefined, [])).toMatch(/only pages of this host may/);
  });

  it('refuses the opaque origin of sandboxed pages and anything that is not an origin', () => {
    expect(originRefusal('null', 'null', [])).toMatch(/may not open the chat/);
    expect(originRefusal('null', 'chat.example.com', allowed)).toMatch(/may not open the chat/);
  });
});

import { ChatAdapterChoice, ChatInstances, startChatInstances } from '../support/chat-instances';

/** The harness the chat end-to-end tests, the fault scenario and the benchmark run chat with. */
describe.each<ChatAdapterChoice>(['postgres', 'redis'])('two chat processes joined through %s', (adapter) => {
  let chat: ChatInstances;

  beforeAll(async () => {
    chat = await startChatInstances({ count: 2, adapter });
  });

  afterAll(async () => {
    await chat?.cleanUp();
  });

  it('start on their own ports, share rooms through the chosen adapter and answer /health', async () => {
    const [first, second] = chat.instances;
    expect(first.url).not.toBe(second.url);
    for (const instance of chat.instances) {
      expect((await fetch(`${instance.url}/health`)).status).toBe(200);
      const joined = instance.logs
        .map((line) => JSON.parse(line) as { msg?: string; transport?: string })
        .find((entry) => entry.msg === 'socket.io instances share rooms');
      expect(joined?.transport).toBe(adapter);
    }
  });

  it('keeps one instance answering while the other is SIGKILLed, and starts the killed one again', async () => {
    const [first, second] = chat.instances;
    expect(await first.stop('SIGKILL')).toBe('SIGKILL');
    await expect(fetch(`${first.url}/health`)).rejects.toThrow();
    expect((await fetch(`${second.url}/health`)).status).toBe(200);

    await first.restart();
    expect((await fetch(`${first.url}/health`)).status).toBe(200);
  });
});

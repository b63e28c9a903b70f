import { asyncApiDocument } from './asyncapi-document';
import { agentEvents, visitorEvents } from './protocol';

describe('the AsyncAPI document of the socket protocol', () => {
  const document = asyncApiDocument() as {
    channels: Record<
      string,
      { address: string; messages: Record<string, { payload: { properties?: Record<string, unknown>; required?: string[] } }> }
    >;
    operations: Record<string, { action: string }>;
  };

  it('describes every client event of both namespaces with the schema the gateways validate with', () => {
    expect(Object.keys(document.channels.visitor!.messages).filter((id) => id.startsWith('client.'))).toEqual(
      Object.keys(visitorEvents).map((event) => `client.${event}`),
    );
    expect(Object.keys(document.channels.agent!.messages).filter((id) => id.startsWith('client.'))).toEqual(
      Object.keys(agentEvents).map((event) => `client.${event}`),
    );
    const send = document.channels.visitor!.messages['client.message.send']!.payload;
    expect(Object.keys(send.properties ?? {})).toEqual(['conversationId', 'clientId', 'text', 'fileIds', 'language']);
    expect(send.required).toEqual(['clientId', 'text']);
  });

  it('describes what the server emits, errors included', () => {
    expect(document.channels.agent!.messages['server.error']).toBeDefined();
    expect(document.operations['visitor.server.queue.position']).toMatchObject({ action: 'receive' });
  });
});

import { z } from 'zod';
import { ChatErrorCode } from '../domain/chat.exception';
import { agentEvents, agentServerEvents, ClientEvent, visitorEvents, visitorServerEvents } from './protocol';

type Events = Record<string, ClientEvent>;

/**
 * The socket protocol as an AsyncAPI 3 document, generated from the zod schemas the gateways validate with: every
 * event of `/visitor` and `/agent`, both directions, with its payload schema, and the error codes.
 */
export function asyncApiDocument(): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const namespaces = [
    { name: 'visitor', sent: visitorEvents as Events, received: visitorServerEvents as Events },
    { name: 'agent', sent: agentEvents as Events, received: agentServerEvents as Events },
  ];
  for (const { name, sent, received } of namespaces) {
    const messages: Record<string, unknown> = {};
    for (const [direction, events] of [
      ['send', sent],
      ['receive', received],
    ] as const) {
      for (const [event, { schema, description }] of Object.entries(events)) {
        const id = `${direction === 'send' ? 'client' : 'server'}.${event}`;
        messages[id] = { name: event, summary: description, payload: jsonSchemaOf(schema, direction === 'send' ? 'input' : 'output') };
        operations[`${name}.${id}`] = {
          action: direction,
          channel: { $ref: `#/channels/${name}` },
          messages: [{ $ref: `#/channels/${name}/messages/${id}` }],
        };
      }
    }
    channels[name] = { address: `/${name}`, messages };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Helpgate chat',
      version: '1',
      description: [
        'socket.io namespaces `/visitor` (anonymous with `auth.visitorToken`, signed in with `auth.contactToken`, or nothing for a new visitor)',
        'and `/agent` (`auth.token`: identity’s agent token, `auth.status`: available or away).',
        'Client events are sent with an acknowledgement callback: it answers the result, or `{ error: { code, message, event } }`,',
        'which also comes as an `error` event. A refused connection answers `connect_error` with `data: { code, message }`.',
        `Error codes: ${Object.values(ChatErrorCode).join(', ')}.`,
      ].join(' '),
    },
    channels,
    operations,
  };
}

function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): unknown {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return json;
}

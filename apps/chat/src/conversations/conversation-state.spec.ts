import { canMove, isEnded, outcomeOfClosing, requireMove } from './conversation-state';

describe('conversation states', () => {
  it('lets a queued conversation be accepted, and an assigned one be transferred, requeued, closed or escalated', () => {
    expect(canMove('queued', 'assigned')).toBe(true);
    for (const to of ['assigned', 'queued', 'closed', 'escalated', 'awaiting_email'] as const) expect(canMove('assigned', to)).toBe(true);
    expect(canMove('bot', 'queued')).toBe(true);
  });

  it('lets an agent take a conversation over from the AI agent', () => {
    expect(canMove('bot', 'assigned')).toBe(true);
  });

  it('never reopens an ended conversation', () => {
    expect(isEnded('closed')).toBe(true);
    expect(isEnded('escalated')).toBe(true);
    expect(() => requireMove('closed', 'queued')).toThrow(expect.objectContaining({ code: 'conversation_ended' }));
    expect(() => requireMove('escalated', 'assigned')).toThrow(expect.objectContaining({ code: 'conversation_ended' }));
  });

  it('refuses moves that skip the queue', () => {
    expect(canMove('awaiting_email', 'assigned')).toBe(false);
    expect(() => requireMove('awaiting_email', 'assigned')).toThrow(expect.objectContaining({ code: 'not_queued' }));
  });

  it('calls a visitor leaving before any person answered an abandoned conversation', () => {
    expect(outcomeOfClosing('agent', true)).toBe('closed_by_agent');
    expect(outcomeOfClosing('visitor', true)).toBe('closed_by_visitor');
    expect(outcomeOfClosing('visitor', false)).toBe('abandoned');
  });
});

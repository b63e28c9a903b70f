import { authorOf } from './authors';

describe('authorOf', () => {
  const words = { visitor: 'Visitor', agent: 'Agent', ai: 'AI agent', system: 'Helpgate' };

  it('names the visitor by the name it gave, else as a visitor', () => {
    expect(authorOf({ author: 'visitor', authorName: null }, 'Lin', words)).toBe('Lin');
    expect(authorOf({ author: 'visitor', authorName: null }, null, words)).toBe('Visitor');
  });

  it('names agents by their name and marks the AI agent and the system apart', () => {
    expect(authorOf({ author: 'agent', authorName: 'Grace Hopper' }, 'Lin', words)).toBe('Grace Hopper');
    expect(authorOf({ author: 'ai', authorName: null }, 'Lin', words)).toBe('AI agent');
    expect(authorOf({ author: 'system', authorName: null }, 'Lin', words)).toBe('Helpgate');
  });
});

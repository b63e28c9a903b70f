import { AgentCandidate, chooseAgent } from './choose-agent';

const agent = (agentId: string, overrides: Partial<AgentCandidate> = {}): AgentCandidate => ({
  agentId,
  languages: ['en'],
  capacity: 3,
  activeChats: 0,
  available: true,
  lastAssignedAt: null,
  ...overrides,
});

describe('chooseAgent', () => {
  it('chooses nobody when there is no candidate', () => {
    expect(chooseAgent([], 'en')).toBeNull();
  });

  it('leaves out agents who are not available or are at their capacity', () => {
    const candidates = [
      agent('away', { available: false }),
      agent('full', { activeChats: 3, capacity: 3 }),
      agent('no-chat', { capacity: 0 }),
    ];
    expect(chooseAgent(candidates, 'en')).toBeNull();
    expect(chooseAgent([...candidates, agent('free', { activeChats: 2 })], 'en')).toEqual({ agentId: 'free', speaksLanguage: true });
  });

  it('prefers a speaker of the language even when busier, by primary subtag and case-insensitively', () => {
    const candidates = [agent('english', { languages: ['en'] }), agent('swiss-italian', { languages: ['de', 'IT-ch'], activeChats: 2 })];
    expect(chooseAgent(candidates, 'it')).toEqual({ agentId: 'swiss-italian', speaksLanguage: true });
    expect(chooseAgent(candidates, 'it-IT')).toEqual({ agentId: 'swiss-italian', speaksLanguage: true });
    expect(chooseAgent(candidates, 'pt_BR')).toEqual({ agentId: 'english', speaksLanguage: false });
  });

  it('falls back to any available agent when nobody speaks the language', () => {
    expect(chooseAgent([agent('a', { languages: ['fr'] })], 'ja')).toEqual({ agentId: 'a', speaksLanguage: false });
  });

  it('matches nobody on language when the language is not known', () => {
    expect(chooseAgent([agent('b', { activeChats: 1 }), agent('a', { activeChats: 2 })], null)).toEqual({
      agentId: 'b',
      speaksLanguage: false,
    });
  });

  it('among equals, takes the fewest active chats, then the longest since the last assignment, never assigned first', () => {
    const candidates = [
      agent('busy', { activeChats: 2 }),
      agent('recent', { activeChats: 1, lastAssignedAt: new Date('2026-01-05T10:05:00Z') }),
      agent('earlier', { activeChats: 1, lastAssignedAt: new Date('2026-01-05T10:00:00Z') }),
    ];
    expect(chooseAgent(candidates, 'en')?.agentId).toBe('earlier');
    expect(chooseAgent([...candidates, agent('never', { activeChats: 1 })], 'en')?.agentId).toBe('never');
  });

  it('breaks a full tie by id, whatever the order of the candidates', () => {
    const lastAssignedAt = new Date('2026-01-05T10:00:00Z');
    const candidates = [agent('c', { lastAssignedAt }), agent('a', { lastAssignedAt }), agent('b', { lastAssignedAt })];
    expect(chooseAgent(candidates, 'en')?.agentId).toBe('a');
    expect(chooseAgent([...candidates].reverse(), 'en')?.agentId).toBe('a');
  });
});

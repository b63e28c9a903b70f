import type { AiTurn } from '../ai-agent';
import { buildCompletionMessages } from './llm-prompt';

const turn: AiTurn = {
  conversationId: 'c',
  language: 'fr',
  history: [
    { author: 'visitor', text: 'Bonjour' },
    { author: 'ai', text: 'Bonjour ! Comment puis-je aider ?' },
    { author: 'system', text: 'Transferred' },
  ],
  visitorMessage: 'Comment réinitialiser mon mot de passe ?',
  personReachable: true,
};
const passage = {
  id: 'password-reset',
  title: 'Reset your password',
  language: 'en',
  link: '/help-center/articles/password-reset?language=en',
  score: 0.9,
  confident: true,
  snippet: 'Open the sign-in page and choose "Forgot password".',
};

describe('buildCompletionMessages', () => {
  it('grounds the model on the passages with their titles and links, in the visitor’s language, offering the handoff tool', () => {
    const [system] = buildCompletionMessages(turn, [passage]);
    expect(system!.role).toBe('system');
    expect(system!.content).toContain('[1] Reset your password (/help-center/articles/password-reset?language=en)\nOpen the sign-in page');
    expect(system!.content).toContain('"fr"');
    expect(system!.content).toContain('do not answer the question, say so');
    expect(system!.content).toContain('call the handoff_to_person tool');
  });

  it('puts the visitor as user and the AI as assistant, leaving out notices, then the newest message', () => {
    expect(buildCompletionMessages(turn, [passage]).slice(1)).toEqual([
      { role: 'user', content: 'Bonjour' },
      { role: 'assistant', content: 'Bonjour ! Comment puis-je aider ?' },
      { role: 'user', content: 'Comment réinitialiser mon mot de passe ?' },
    ]);
  });

  it('says when no article matched, and offers the ticket path when nobody can take the chat', () => {
    const [system] = buildCompletionMessages({ ...turn, language: null, personReachable: false }, []);
    expect(system!.content).toContain('(no article matched the question)');
    expect(system!.content).toContain("in the language of the visitor's message");
    expect(system!.content).toContain('answered by mail');
    expect(system!.content).not.toContain('call the handoff_to_person tool');
    expect(system!.content).not.toContain('offer to hand over to a person');
  });
});

import type { SearchResultDto } from '../knowledge-base/article.dto';
import type { AiAgent, AiTurn, AiTurnOutcome } from './ai-agent';
import { notSureReply, visitorTextsIn } from '../visitor-texts/visitor-texts';

/** Finds the knowledge base's best passages for a question, in the reader's language where a translation exists. */
export type PassageSearch = (question: string, language: string | null) => Promise<SearchResultDto[]>;

/**
 * `CHAT_AI_AGENT=builtin`: no external service. Answers with the best passage of the knowledge base, the article's
 * title and link (the visitor's translation when there is one); below the confidence threshold it says it is not
 * sure and offers a person (or, when nobody can take the chat, the ticket path).
 */
export class BuiltinAiAgent implements AiAgent {
  readonly kind = 'builtin';
  readonly answersFirst = true;

  constructor(private readonly search: PassageSearch) {}

  async respond(turn: AiTurn): Promise<AiTurnOutcome> {
    const [best] = await this.search(turn.visitorMessage, turn.language);
    if (!best?.confident) return { kind: 'answered', text: notSureReply(turn.language, turn.personReachable), confident: false };
    return {
      kind: 'answered',
      text: `${best.snippet}\n\n${visitorTextsIn(turn.language).source}: ${best.title} — ${best.link}`,
      confident: true,
    };
  }
}

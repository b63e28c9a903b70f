import { HandoffMatch, HandoffPhraseDetector } from './handoff-phrases';
import { handoffPhrasesByLanguage } from './phrases';

const detector = new HandoffPhraseDetector(handoffPhrasesByLanguage);

/**
 * Whether a visitor's message asks for a person, in any language phrases are kept for (all are tried: visitors mix
 * languages, and a short request is often too short to tell which): the phrase found, or null.
 */
export function detectHandoffRequest(message: string): HandoffMatch | null {
  return detector.detect(message);
}

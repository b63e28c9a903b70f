import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LanguageDetector } from './detect-language';

const reference = join(__dirname, '../../../../../shared/reference');
const lines = (file: string) =>
  readFileSync(join(reference, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { q?: string; text?: string; language: string });
/** Questions and handoff requests: short chat text in the languages they name. Emoji-only texts say nothing. */
const samples = [...lines('chat-questions-dev.jsonl'), ...lines('handoff-dev.jsonl')]
  .map((line) => ({ text: (line.q ?? line.text)!, language: line.language }))
  .filter((sample) => /\p{L}{2}/u.test(sample.text));

describe('language detection of short chat text', () => {
  it('measures accuracy on the dev questions and handoff texts, limited to the languages they use', () => {
    const enabled = [...new Set(samples.map((sample) => sample.language))];
    const detector = new LanguageDetector(enabled);
    const wrong = samples.filter((sample) => detector.detect(sample.text)?.language !== sample.language);
    const accuracy = 1 - wrong.length / samples.length;
    console.log(
      `language detection on ${samples.length} dev texts among ${enabled.join(', ')}: accuracy ${accuracy.toFixed(2)}\n` +
        wrong.map((sample) => `${sample.language} → ${detector.detect(sample.text)?.language ?? 'none'}: ${sample.text}`).join('\n'),
    );
    expect(accuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('answers only with enabled languages, and nothing for text without words', () => {
    const detector = new LanguageDetector(['en', 'it']);
    expect(detector.detect('Posso parlare con un operatore?')?.language).toBe('it');
    expect(detector.detect('Comment réinitialiser mon mot de passe ?')?.language).toMatch(/^(en|it)$/);
    expect(detector.detect('👋 123')).toBeNull();
  });
});

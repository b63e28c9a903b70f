import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectHandoffRequest } from './detect-handoff';
import { HandoffPhraseDetector, withinOneEdit } from './handoff-phrases';

interface HandoffExample {
  text: string;
  language: string;
  handoff: boolean;
}

const devExamples = readFileSync(join(__dirname, '../../../../../shared/reference/handoff-dev.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as HandoffExample);

/** Our own cases: every language the README lists, typos and short forms, and near-misses that name people or agents. */
const ownExamples: HandoffExample[] = [
  ...(
    [
      ['en', 'HUMAN PLEASE'],
      ['en', 'i want to speak to a human being'],
      ['en', 'can you transfer me to a live agent'],
      ['en', 'tlak to a persno'],
      ['fr', 'Je voudrais parler à un conseiller, s’il vous plaît'],
      ['fr', 'est-ce que je peux parler avec une vraie personne ?'],
      ['it', 'vorrei parlare con un operatore umano'],
      ['it', 'operatore per favore'],
      ['es', 'quiero hablar con una persona'],
      ['es', 'agente por favor'],
      ['de', 'Kann ich bitte mit einem Mitarbeiter sprechen?'],
      ['de', 'ich will mit einem echten Menschen reden'],
      ['pt', 'quero falar com um humano'],
      ['nl', 'Kan ik met een medewerker spreken?'],
      ['nl', 'ik wil praten met een mens'],
      ['pl', 'Chcę porozmawiać z konsultantem'],
      ['pl', 'czy mogę rozmawiać z człowiekiem?'],
      ['sv', 'Kan jag prata med en människa?'],
      ['cs', 'Můžu mluvit s operátorem?'],
      ['cs', 'chci mluvit se skutečným člověkem'],
      ['ru', 'Хочу поговорить с живым человеком'],
      ['ru', 'оператор пожалуйста'],
      ['tr', 'müşteri temsilcisiyle görüşmek istiyorum'],
      ['ar', 'أريد التحدث مع موظف'],
      ['ar', 'هل يمكنني التحدث مع شخص حقيقي؟'],
      ['ja', 'オペレーターと話したいです'],
      ['ja', '担当者と話せますか？'],
      ['zh', '我要转人工'],
      ['zh', '请帮我转接人工客服'],
    ] as const
  ).map(([language, text]) => ({ language, text, handoff: true })),
  ...(
    [
      ['en', 'how do I assign an agent role to a user?'],
      ['en', 'does the person who enrolled get a certificate?'],
      ['en', 'human resources integration'],
      ['en', 'how do I talk to the API with OAuth2?'],
      ['fr', 'comment ajouter une personne à un groupe ?'],
      ['it', 'come aggiungo una persona a un gruppo?'],
      ['de', 'Wie füge ich eine Person zu einer Gruppe hinzu?'],
      ['nl', 'hoe voeg ik een medewerker toe aan een groep?'],
      ['ru', 'как добавить человека в группу?'],
      ['zh', '如何把用户添加到群组？'],
      ['ja', 'グループにユーザーを追加するには？'],
    ] as const
  ).map(([language, text]) => ({ language, text, handoff: false })),
];

function precisionAndRecall(examples: HandoffExample[]) {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const wrong: string[] = [];
  for (const example of examples) {
    const detected = detectHandoffRequest(example.text) !== null;
    if (detected && example.handoff) truePositives++;
    if (detected && !example.handoff) falsePositives++;
    if (!detected && example.handoff) falseNegatives++;
    if (detected !== example.handoff) wrong.push(`${example.language} ${example.handoff ? 'missed' : 'false alarm'}: ${example.text}`);
  }
  return {
    precision: truePositives / Math.max(truePositives + falsePositives, 1),
    recall: truePositives / Math.max(truePositives + falseNegatives, 1),
    wrong,
  };
}

describe('handoff phrase detection', () => {
  it('reports precision and recall on the dev file', () => {
    const figures = precisionAndRecall(devExamples);
    console.log(
      `handoff-dev.jsonl (${devExamples.length}): precision ${figures.precision.toFixed(2)}, recall ${figures.recall.toFixed(2)}\n${figures.wrong.join('\n')}`,
    );
    expect(figures.wrong).toEqual([]);
  });

  it.each(ownExamples)('$language: "$text" → $handoff', ({ text, handoff }) => {
    expect(detectHandoffRequest(text) !== null).toBe(handoff);
  });

  it('names the language and phrase that matched', () => {
    expect(detectHandoffRequest('je veux parler à quelqu’un')).toEqual({ language: 'fr', phrase: 'parler a quelqu un' });
    expect(detectHandoffRequest('human pls')).toEqual({ language: 'en', phrase: 'human' });
  });

  it('reads a team’s own phrase file: gaps, prefixes, whole-message short forms and fillers', () => {
    const detector = new HandoffPhraseDetector({ xx: { phrases: ['blorp ... zing*'], alone: ['snarf'], fillers: ['pleez'] } });
    expect(detector.detect('Blörp the big zingers')).toEqual({ language: 'xx', phrase: 'blorp ... zing*' });
    expect(detector.detect('blorp one two three four zing')).toBeNull();
    expect(detector.detect('snarf pleez!')).toEqual({ language: 'xx', phrase: 'snarf' });
    expect(detector.detect('where is the snarf?')).toBeNull();
  });

  it('forgives one typo in words of five letters or more', () => {
    expect(withinOneEdit('human', 'humna')).toBe(true);
    expect(withinOneEdit('human', 'humn')).toBe(true);
    expect(withinOneEdit('human', 'humans')).toBe(true);
    expect(withinOneEdit('human', 'hmuan')).toBe(true);
    expect(withinOneEdit('human', 'woman')).toBe(false);
  });
});

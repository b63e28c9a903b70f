import { evaluateRetrieval, parseQuestions } from './evaluation';

describe('evaluateRetrieval', () => {
  const questions = parseQuestions(
    [
      '{"q": "a", "language": "en", "expect": "kb-a"}',
      '{"q": "b", "language": "en", "expect": "kb-b"}',
      '{"q": "nothing", "language": "en", "expect": null}',
      '',
    ].join('\n'),
  );

  it('counts the expected article first, among three, answered above the threshold, and unanswerable ones answered', async () => {
    const ranked: Record<string, { id: string; confidence: number }[]> = {
      a: [{ id: 'kb-a', confidence: 0.9 }],
      b: [
        { id: 'kb-x', confidence: 0.8 },
        { id: 'kb-b', confidence: 0.7 },
      ],
      nothing: [{ id: 'kb-a', confidence: 0.6 }],
    };
    const figures = await evaluateRetrieval(async (question) => ranked[question.q]!, questions, 0.65);
    expect(figures).toMatchObject({
      questions: 3,
      answerable: 2,
      unanswerable: 1,
      recallAt1: 0.5,
      recallAt3: 1,
      answeredCorrectly: 0.5,
      unanswerableAnswered: 0,
    });
    expect(figures.misses).toEqual([{ q: 'b', expect: 'kb-b', got: 'kb-x', confidence: 0.8 }]);
    expect((await evaluateRetrieval(async (question) => ranked[question.q]!, questions, 0.5)).unanswerableAnswered).toBe(1);
  });
});

import type { Ranker } from './ranking';

/** A question of an evaluation set: `expect` is the id of the article that answers it, or null when none does. */
export interface EvaluationQuestion {
  q: string;
  language: string;
  expect: string | null;
}

export interface RetrievalFigures {
  questions: number;
  answerable: number;
  unanswerable: number;
  /** Answerable questions whose article is ranked first. */
  recallAt1: number;
  /** Answerable questions whose article is among the first three. */
  recallAt3: number;
  /** Answerable questions answered: their article first and confident enough. */
  answeredCorrectly: number;
  /** Unanswerable questions still answered above the threshold (the lower the better). */
  unanswerableAnswered: number;
  threshold: number;
  /** The questions each figure missed, to read, never to tune against. */
  misses: { q: string; expect: string | null; got: string | null; confidence: number }[];
}

/** What an evaluation needs of a ranking: the top hits' article ids with their confidence, best first. */
export type RankedIds = (question: EvaluationQuestion) => Promise<{ id: string; confidence: number }[]>;

/** Recall at 1 and 3 and how often an unanswerable question is still answered at `threshold`, as shares (0–1). */
export async function evaluateRetrieval(rank: RankedIds, questions: EvaluationQuestion[], threshold: number): Promise<RetrievalFigures> {
  let first = 0;
  let topThree = 0;
  let answered = 0;
  let wronglyAnswered = 0;
  const misses: RetrievalFigures['misses'] = [];
  for (const question of questions) {
    const hits = (await rank(question)).slice(0, 3);
    const top = hits[0];
    const confident = top !== undefined && top.confidence >= threshold;
    if (question.expect === null) {
      if (confident) wronglyAnswered++;
    } else {
      if (top?.id === question.expect) first++;
      if (hits.some((hit) => hit.id === question.expect)) topThree++;
      if (top?.id === question.expect && confident) answered++;
    }
    if ((question.expect === null) === confident || (confident && top.id !== question.expect)) {
      misses.push({ q: question.q, expect: question.expect, got: top?.id ?? null, confidence: round(top?.confidence ?? 0) });
    }
  }
  const answerable = questions.filter((question) => question.expect !== null).length;
  const unanswerable = questions.length - answerable;
  return {
    questions: questions.length,
    answerable,
    unanswerable,
    recallAt1: share(first, answerable),
    recallAt3: share(topThree, answerable),
    answeredCorrectly: share(answered, answerable),
    unanswerableAnswered: share(wronglyAnswered, unanswerable),
    threshold,
    misses,
  };
}

/** An in-process ranking as an evaluation reads it. */
export function rankedIdsOf(ranker: Ranker): RankedIds {
  return async (question) =>
    ranker
      .search({ text: question.q, language: question.language, limit: 3 })
      .map((hit) => ({ id: hit.article.id, confidence: hit.confidence }));
}

/** Parses an evaluation set: one JSON object per line. */
export function parseQuestions(jsonLines: string): EvaluationQuestion[] {
  return jsonLines
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EvaluationQuestion);
}

const share = (count: number, of: number) => (of === 0 ? 0 : round(count / of));
const round = (value: number) => Math.round(value * 1000) / 1000;

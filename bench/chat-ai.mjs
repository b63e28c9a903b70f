// The AI agent's rows of the chat benchmark: the built-in agent's answers per second and answer latency at N
// concurrent conversations through running chat over socket.io, and the knowledge base's retrieval quality on the
// dev questions (recall at 1 and 3, unanswerable questions still answered), asked of the same running chat.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { benchChatEnv, connectVisitor, request } from './lib/chat-service.mjs';
import { createHelpgateRun } from './lib/helpgate.mjs';
import { table } from './lib/report.mjs';
import { devQuestionsFile, loadRetrievalEvaluation } from './lib/retrieval-evaluation.mjs';
import { openMany } from './lib/socket-load.mjs';
import { medianWithSpread, percentile, round } from './lib/stats.mjs';

const FULL = { conversations: 100, seconds: 30 };
const QUICK = { conversations: 100, seconds: 5 };

/**
 * Each of N visitors asks a question, waits for the AI's answer, and asks the next (a closed loop, so N answers are
 * in flight at most); the latency runs from the send to the visitor's `message` event carrying the stored answer.
 * Nobody from the team is online: unanswerable questions are answered "not sure" and no conversation is handed over.
 */
async function measureAnswers(url, { conversations, seconds }, questions) {
  const visitors = await openMany(conversations, () => connectVisitor(url));
  const latencies = [];
  const ask = async (visitor, conversationId, text) => {
    const answered = new Promise((resolve) =>
      visitor.on('message', function onMessage(message) {
        if (message.author !== 'ai' || (conversationId && message.conversationId !== conversationId)) return;
        visitor.off('message', onMessage);
        resolve(message);
      }),
    );
    const sentAt = performance.now();
    await request(visitor, 'message.send', { clientId: randomUUID(), text, ...(conversationId ? { conversationId } : {}) });
    const answer = await answered;
    return { conversationId: answer.conversationId, latencyMs: performance.now() - sentAt };
  };
  try {
    // Each visitor's first question starts its conversation and builds the search index once: not measured.
    const conversationIds = await Promise.all(
      visitors.map(async (visitor, index) => (await ask(visitor, null, questions[index % questions.length])).conversationId),
    );
    const startedAt = performance.now();
    const deadline = startedAt + seconds * 1000;
    await Promise.all(
      visitors.map(async (visitor, index) => {
        for (let turn = 1; performance.now() < deadline; turn++) {
          const { latencyMs } = await ask(visitor, conversationIds[index], questions[(index + turn) % questions.length]);
          latencies.push(latencyMs);
        }
      }),
    );
    const elapsedSeconds = (performance.now() - startedAt) / 1000;
    return {
      answers: latencies.length,
      answersPerSecond: latencies.length / elapsedSeconds,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
    };
  } finally {
    for (const visitor of visitors) visitor.close();
  }
}

/**
 * The dev questions through the help center's public search of the running chat (the ranking the built-in agent
 * answers from), scored by the tests' own evaluation code; "answered" is the service's own call (`confident`).
 */
async function measureRetrieval(url, evaluation, questions) {
  const rank = async ({ q, language }) => {
    const response = await fetch(`${url}/help-center/search?${new URLSearchParams({ q, language, limit: '3' })}`);
    if (!response.ok) throw new Error(`search answered ${response.status} for ${q}`);
    return (await response.json()).map((hit) => ({ id: hit.id, confidence: hit.confident ? 1 : 0 }));
  };
  return evaluation.evaluateRetrieval(rank, questions, 1);
}

export async function aiAgentBenchmark({ quick, repeats, brokers, databaseUrl, log }) {
  const size = quick ? QUICK : FULL;
  const evaluation = loadRetrievalEvaluation();
  const questions = evaluation.parseQuestions(readFileSync(devQuestionsFile, 'utf8'));
  const answering = [];
  let retrieval;
  for (let repeat = 1; repeat <= repeats; repeat++) {
    const run = await createHelpgateRun({ brokers, databaseUrl, name: `bench_chat_ai_${Date.now().toString(36)}` });
    try {
      // The built-in agent over the sample knowledge base the default install loads.
      const [instance] = await run.start('chat', 1, { ...benchChatEnv, CHAT_AI_AGENT: 'builtin' });
      log(`repeat ${repeat}/${repeats}: built-in AI agent, ${size.conversations} conversations for ${size.seconds} s`);
      answering.push(
        await measureAnswers(
          instance.url,
          size,
          questions.map((question) => question.q),
        ),
      );
      // Deterministic: measured once.
      retrieval ??= await measureRetrieval(instance.url, evaluation, questions);
    } finally {
      await run.cleanUp();
    }
  }
  const ms = (value) => `${round(value)} ms`;
  const share = (value) => value.toFixed(2);
  return [
    '#### The AI agent',
    '',
    `The built-in agent (\`CHAT_AI_AGENT=builtin\`, the sample knowledge base) in its own chat instance from \`dist/\`: ${size.conversations} visitors each ask one of the ${questions.length} dev questions, wait for the AI's stored answer and ask the next, for ${size.seconds} s; nobody from the team online. Medians of ${repeats} repeat(s) (min–max).`,
    '',
    table(
      ['agent', 'conversations', 'answers', 'answers/s', 'answer p50', 'answer p99'],
      [
        [
          'built-in',
          String(size.conversations),
          medianWithSpread(answering.map((result) => result.answers)),
          medianWithSpread(answering.map((result) => result.answersPerSecond)),
          medianWithSpread(
            answering.map((result) => result.p50Ms),
            ms,
          ),
          medianWithSpread(
            answering.map((result) => result.p99Ms),
            ms,
          ),
        ],
      ],
    ),
    '',
    `Retrieval on \`chat-questions-dev.jsonl\` (${retrieval.answerable} answerable, ${retrieval.unanswerable} unanswerable questions) through the help center's search of the same instance, scored by the knowledge base tests' evaluation code:`,
    '',
    table(
      ['recall@1', 'recall@3', 'answerable answered correctly', 'unanswerable answered (false answers)'],
      [[share(retrieval.recallAt1), share(retrieval.recallAt3), share(retrieval.answeredCorrectly), share(retrieval.unanswerableAnswered)]],
    ),
  ].join('\n');
}

// The knowledge base's retrieval-quality code, the very module its tests use (apps/chat/src/knowledge-base/retrieval/
// evaluation.ts), compiled for plain Node with the project's TypeScript: it imports nothing at run time, so the one
// file is transpiled alone, into .infra/bench.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot, workDir } from './paths.mjs';

const require = createRequire(`${repoRoot}/package.json`);
const source = path.join(repoRoot, 'apps', 'chat', 'src', 'knowledge-base', 'retrieval', 'evaluation.ts');

/** `{ evaluateRetrieval, parseQuestions }` and the rest of evaluation.ts. */
export function loadRetrievalEvaluation() {
  const ts = require('typescript');
  const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    fileName: source,
  });
  const compiled = path.join(workDir, 'apps', 'chat', 'retrieval-evaluation.cjs');
  mkdirSync(path.dirname(compiled), { recursive: true });
  writeFileSync(compiled, outputText);
  return createRequire(compiled)(compiled);
}

/** The dev questions the knowledge base's tests report on: `../shared/reference/chat-questions-dev.jsonl`. */
export const devQuestionsFile = path.join(repoRoot, '..', 'shared', 'reference', 'chat-questions-dev.jsonl');

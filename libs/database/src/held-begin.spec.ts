import { heldBeginStep } from './held-begin';

const text = (value: string) => ({ text: value, parameterized: false, submittable: false });
const parameterized = (value: string) => ({ text: value, parameterized: true, submittable: false });
const submittable = { parameterized: false, submittable: true };

describe('heldBeginStep', () => {
  it('holds back the opening of a transaction, however it is spelled', () => {
    expect(heldBeginStep(text('START TRANSACTION'), false)).toBe('hold-begin');
    expect(heldBeginStep(text('begin'), false)).toBe('hold-begin');
    expect(heldBeginStep(text('  BEGIN  '), false)).toBe('hold-begin');
  });

  it('sends everything else as it is while no opening is held', () => {
    expect(heldBeginStep(text('COMMIT'), false)).toBe('send');
    expect(heldBeginStep(text('BEGIN; SELECT 1'), false)).toBe('send');
    expect(heldBeginStep(parameterized('SELECT $1::int'), false)).toBe('send');
    expect(heldBeginStep(submittable, false)).toBe('send');
  });

  it('sends a parameterized first statement together with BEGIN', () => {
    expect(heldBeginStep(parameterized('INSERT INTO t VALUES ($1)'), true)).toBe('send-with-begin');
  });

  it('sends BEGIN on its own before text without parameters, which may hold several statements, and before a query object', () => {
    expect(heldBeginStep(text('CREATE TABLE a (id int); CREATE TABLE b (id int)'), true)).toBe('send-after-begin');
    expect(heldBeginStep(text('SET TRANSACTION ISOLATION LEVEL SERIALIZABLE'), true)).toBe('send-after-begin');
    expect(heldBeginStep(submittable, true)).toBe('send-after-begin');
  });

  it('ends a transaction in which nothing ran without a word to the server', () => {
    expect(heldBeginStep(text('COMMIT'), true)).toBe('skip');
    expect(heldBeginStep(text('ROLLBACK'), true)).toBe('skip');
  });

  it('never takes a parameterized statement for an opening or an end', () => {
    expect(heldBeginStep(parameterized('COMMIT'), true)).toBe('send-with-begin');
    expect(heldBeginStep(parameterized('BEGIN'), false)).toBe('send');
  });
});

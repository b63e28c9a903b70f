import { subjectOf } from './request-subject';

describe('subjectOf', () => {
  it('takes the first line of the message', () => {
    expect(subjectOf('  Renewal of our   contract\nWe would like to talk about it.')).toBe('Renewal of our contract');
  });

  it('cuts a long first line at a word', () => {
    const subject = subjectOf(`${'word '.repeat(40)}end`);
    expect(subject.length).toBeLessThanOrEqual(100);
    expect(subject).toMatch(/^(word )+word…$/);
  });

  it('cuts a line without spaces where it must', () => {
    expect(subjectOf('x'.repeat(300))).toBe(`${'x'.repeat(99)}…`);
  });
});

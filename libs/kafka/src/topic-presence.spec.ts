import { TopicPresence } from './topic-presence';

describe('TopicPresence', () => {
  it('reports nothing while every watched topic exists, whatever else the cluster holds', () => {
    const presence = new TopicPresence(['a', 'b']);
    expect(presence.observe(new Set(['a', 'b', 'other']))).toEqual({ gone: [], recreated: [] });
    expect(presence.observe(new Set(['a', 'b']))).toEqual({ gone: [], recreated: [] });
  });

  it('reports a watched topic gone once, however many looks it stays missing, and recreated when it exists again', () => {
    const presence = new TopicPresence(['a', 'b']);
    presence.observe(new Set(['a', 'b']));
    expect(presence.observe(new Set(['b']))).toEqual({ gone: ['a'], recreated: [] });
    expect(presence.observe(new Set(['b']))).toEqual({ gone: [], recreated: [] });
    expect(presence.observe(new Set(['a', 'b']))).toEqual({ gone: [], recreated: ['a'] });
    expect(presence.observe(new Set(['a', 'b']))).toEqual({ gone: [], recreated: [] });
  });

  it('takes a topic missing at the first look as gone, so that its creation counts as a new topic', () => {
    const presence = new TopicPresence(['a']);
    expect(presence.observe(new Set())).toEqual({ gone: ['a'], recreated: [] });
    expect(presence.observe(new Set(['a']))).toEqual({ gone: [], recreated: ['a'] });
  });

  it('ignores topics it does not watch', () => {
    const presence = new TopicPresence(['a']);
    expect(presence.observe(new Set(['a']))).toEqual({ gone: [], recreated: [] });
    expect(presence.observe(new Set(['a', 'new']))).toEqual({ gone: [], recreated: [] });
  });
});

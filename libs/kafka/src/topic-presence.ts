/** What changed for the watched topics between two looks at the cluster's topic list. */
export interface TopicPresenceChange {
  /** Topics present at the previous look (or never seen) that are missing now. */
  gone: string[];
  /** Topics seen missing at an earlier look that exist again: a new topic under the old name. */
  recreated: string[];
}

/**
 * Remembers which watched topics were seen missing, so that a topic deleted and created again is told apart
 * from one that was there all along. kafkajs has no topic ids, so a look at the topic list is the only way.
 */
export class TopicPresence {
  private readonly missing = new Set<string>();

  constructor(private readonly watched: readonly string[]) {}

  observe(existing: ReadonlySet<string>): TopicPresenceChange {
    const change: TopicPresenceChange = { gone: [], recreated: [] };
    for (const topic of this.watched) {
      if (!existing.has(topic)) {
        if (!this.missing.has(topic)) change.gone.push(topic);
        this.missing.add(topic);
      } else if (this.missing.delete(topic)) {
        change.recreated.push(topic);
      }
    }
    return change;
  }
}

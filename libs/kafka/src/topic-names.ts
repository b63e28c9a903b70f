/** Topic names on the wire carry an optional namespace prefix (one cluster, many installations or test runs). */
export class TopicNamer {
  constructor(private readonly prefix: string) {}

  toWire(topic: string): string {
    return `${this.prefix}${topic}`;
  }

  fromWire(wireTopic: string): string {
    return wireTopic.startsWith(this.prefix) ? wireTopic.slice(this.prefix.length) : wireTopic;
  }
}

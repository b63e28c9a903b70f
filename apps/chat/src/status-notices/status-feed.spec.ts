import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { escapeXml, FeedIncident, renderStatusFeed } from './status-feed';

const channel = { title: 'Lumen Learn status', link: 'https://help.lumen.example/status', description: 'Incidents and their updates' };

const upload: FeedIncident = {
  id: '4f0e3c1a-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  title: 'Video uploads fail',
  feature: 'Course authoring',
  region: 'EU',
  updates: [
    { position: 1, status: 'investigating', text: 'Uploads over 1 GB fail.', postedAt: new Date('2026-03-10T09:00:00Z') },
    { position: 2, status: 'identified', text: 'A storage node is full.', postedAt: new Date('2026-03-10T09:30:00Z') },
  ],
};

const signIn: FeedIncident = {
  id: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
  title: 'SSO sign-in slow',
  feature: 'Single sign-on',
  region: null,
  updates: [{ position: 1, status: 'monitoring', text: 'Sign-ins recover.', postedAt: new Date('2026-03-10T09:15:00Z') }],
};

type ParsedItem = {
  title: string;
  link: string;
  description: string;
  category: string;
  guid: { '#text': string; '@_isPermaLink': string };
  pubDate: string;
};

function parse(xml: string): {
  rss: { '@_version': string; channel: { title: string; lastBuildDate: string; item: ParsedItem[] | ParsedItem } };
} {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ ignoreAttributes: false, parseTagValue: false, processEntities: true, htmlEntities: false }).parse(
    xml,
  ) as ReturnType<typeof parse>;
}

describe('renderStatusFeed', () => {
  it('renders RSS 2.0 with one item per update, the newest first, each with a stable guid and an RFC 822 date', () => {
    const feed = parse(renderStatusFeed(channel, [upload, signIn]));
    expect(feed.rss['@_version']).toBe('2.0');
    expect(feed.rss.channel.title).toBe('Lumen Learn status');
    expect(feed.rss.channel.lastBuildDate).toBe('Tue, 10 Mar 2026 09:30:00 GMT');
    const items = feed.rss.channel.item as ParsedItem[];
    expect(items.map((item) => item.title)).toEqual([
      'Identified: Video uploads fail',
      'Monitoring: SSO sign-in slow',
      'Investigating: Video uploads fail',
    ]);
    expect(items[0]).toEqual({
      title: 'Identified: Video uploads fail',
      link: `https://help.lumen.example/status#${upload.id}`,
      description: 'A storage node is full.',
      category: 'Course authoring (EU)',
      guid: { '#text': `${upload.id}/2`, '@_isPermaLink': 'false' },
      pubDate: 'Tue, 10 Mar 2026 09:30:00 GMT',
    });
    expect(items[1]!.category).toBe('Single sign-on');
  });

  it('keeps hostile text as text: markup, entities, CDATA ends and characters XML cannot carry', () => {
    const hostile = '</description><script>alert("x")</script> &amp; ]]> <![CDATA[ \u0000\u001B\uFFFF done';
    const feed = renderStatusFeed({ ...channel, title: 'Status & "news" <live>' }, [
      { ...signIn, title: hostile, feature: '<b>Billing</b>', region: "it's", updates: [{ ...signIn.updates[0]!, text: hostile }] },
    ]);
    expect(feed).not.toContain('<script>');
    expect(feed).not.toContain('\u0000');
    const parsed = parse(feed);
    const item = parsed.rss.channel.item as ParsedItem;
    const expected = '</description><script>alert("x")</script> &amp; ]]> <![CDATA[  done';
    expect(item.description).toBe(expected);
    expect(item.title).toBe(`Monitoring: ${expected}`);
    expect(item.category).toBe("<b>Billing</b> (it's)");
    expect(parsed.rss.channel.title).toBe('Status & "news" <live>');
  });

  it('renders an empty channel while nothing happened', () => {
    const feed = parse(renderStatusFeed(channel, []));
    expect(feed.rss.channel.item).toBeUndefined();
    expect(feed.rss.channel.lastBuildDate).toBeUndefined();
  });
});

describe('escapeXml', () => {
  it('escapes the five markup characters and keeps other text, emoji included', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a> ✓ 🚀`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt; ✓ 🚀');
  });

  it('drops what XML 1.0 cannot carry (controls, lone surrogates, U+FFFE) and keeps tabs and line breaks', () => {
    expect(escapeXml('a\u0000b\u0008c\u000Bd\uD800e\uFFFEf\tg\nh\r')).toBe('abcdef\tg\nh\r');
  });
});

import type { IncidentStatus } from './incident-status';

export interface FeedUpdate {
  /** 1 for the update the incident was opened with, then one more per update. */
  position: number;
  status: IncidentStatus;
  text: string;
  postedAt: Date;
}

export interface FeedIncident {
  id: string;
  title: string;
  feature: string;
  region: string | null;
  updates: FeedUpdate[];
}

export interface FeedChannel {
  title: string;
  /** Absolute: the status page the feed belongs to. */
  link: string;
  description: string;
}

const statusLabels: Record<IncidentStatus, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

/**
 * The status feed as RSS 2.0: one item per incident update, the newest first, each linking to its incident on the
 * status page and carrying a stable guid (incident id and update number), so readers show each update once.
 */
export function renderStatusFeed(channel: FeedChannel, incidents: FeedIncident[]): string {
  const items = incidents
    .flatMap((incident) => incident.updates.map((update) => ({ incident, update })))
    .sort((left, right) => right.update.postedAt.getTime() - left.update.postedAt.getTime());
  const lastBuild = items[0] ? [element('lastBuildDate', items[0].update.postedAt.toUTCString())] : [];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0">',
    '<channel>',
    element('title', channel.title),
    element('link', channel.link),
    element('description', channel.description),
    ...lastBuild,
    ...items.map(({ incident, update }) => feedItem(channel, incident, update)),
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

function feedItem(channel: FeedChannel, incident: FeedIncident, update: FeedUpdate): string {
  const area = incident.region ? `${incident.feature} (${incident.region})` : incident.feature;
  return [
    '<item>',
    element('title', `${statusLabels[update.status]}: ${incident.title}`),
    element('link', `${channel.link}#${encodeURIComponent(incident.id)}`),
    element('description', update.text),
    element('category', area),
    `<guid isPermaLink="false">${escapeXml(`${incident.id}/${update.position}`)}</guid>`,
    element('pubDate', update.postedAt.toUTCString()),
    '</item>',
  ].join('');
}

function element(name: string, text: string): string {
  return `<${name}>${escapeXml(text)}</${name}>`;
}

/**
 * Text made safe as XML 1.0 element content or attribute value: the five markup characters escaped, and the characters
 * XML 1.0 cannot carry at all (control characters other than tab and line breaks, lone surrogates, U+FFFE and U+FFFF)
 * dropped, since no escape makes them legal.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (character) => xmlEntities[character]!);
}

const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Who is reading, as the read-mark table keys it: a signed-in contact by their contact id, so the mark follows them
 * from device to device; else the anonymous visitor by the UUID the widget generated and keeps. Null: neither is known.
 */
export function readerKey(contactId: string | null, visitorId: string | undefined): string | null {
  if (contactId) return `contact:${contactId}`;
  return visitorId ? `visitor:${visitorId}` : null;
}

/**
 * Where a reader's mark goes when they mark announcements read up to `requested`: forward only (a stale tab cannot
 * bring read announcements back), and never past `now`, so announcements scheduled for later are unread when they appear.
 */
export function movedReadMark(current: Date | null, requested: Date, now: Date): Date {
  const capped = requested > now ? now : requested;
  return current && current > capped ? current : capped;
}

export const maxTagsPerContact = 50;
const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A tag as stored: a lower-case slug of at most 50 characters (`VIP Customer` is not one, `vip-customer` is). */
export function normalizeTag(raw: string): string | null {
  const tag = raw.trim().toLowerCase();
  return slug.test(tag) && tag.length <= 50 ? tag : null;
}

/** Each tag once, in the order first given. */
export function uniqueTags(tags: readonly string[]): string[] {
  return [...new Set(tags)];
}

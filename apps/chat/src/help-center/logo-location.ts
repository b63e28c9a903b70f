/**
 * Whether a logo URL is served by the deployment itself: a path on chat (`/help-center/logos/…`) or an absolute URL
 * on one of the services' public origins. The panel loads nothing from anywhere else.
 */
export function isOnDeployment(logoUrl: string, publicUrls: readonly string[]): boolean {
  if (logoUrl.startsWith('/')) return !logoUrl.startsWith('//') && !logoUrl.startsWith('/\\');
  let url: URL;
  try {
    url = new URL(logoUrl);
  } catch {
    return false;
  }
  return publicUrls.some((publicUrl) => new URL(publicUrl).origin === url.origin);
}

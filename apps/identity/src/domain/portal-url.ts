import { z } from 'zod';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Where the customers' portal pages are (the help-center panel's set-password and verify-email pages): links carrying
 * one-time tokens point there, so https, except on this machine (`npm start` serves the panel from chat over http).
 */
export const portalUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .refine((url) => {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' || loopbackHosts.has(hostname);
  }, 'must be an https URL (http only on localhost or 127.0.0.1)');

import { ensureChromium } from './chromium';

/** Once per browser run: Debian's Chromium, installed when missing. The services come from dist/ (`npm run build`). */
export default function globalSetup(): void {
  ensureChromium();
}

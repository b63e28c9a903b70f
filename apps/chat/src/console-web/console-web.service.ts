import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import {
  contentTypeOf,
  htmlContentType,
  immutableCaching,
  lazyWebBundle,
  revalidateCaching,
  WebAsset,
  WebBundle,
} from '@helpgate/platform';
import { panelContentSecurityPolicy } from '../help-center-web/content-security-policy';
import { appPage } from '../help-center-web/pages';
import { ConsoleWebErrorCode, ConsoleWebException } from './console-web.exception';
import { CONSOLE_WEB_SETTINGS, ConsoleWebSettings } from './console-web.settings';

export const consoleConfigSchema = z.object({
  services: z
    .object({ chat: z.url(), identity: z.url(), tickets: z.url(), emailIngest: z.url() })
    .describe("The public base URLs of the APIs the console calls (each answers CORS for chat's origin)."),
});
export type ConsoleConfigDto = z.infer<typeof consoleConfigSchema>;

/** The agent console's browser side: its one page (every view is drawn by its script) and its content-hashed files. */
@Injectable()
export class ConsoleWebService {
  private readonly loaded: () => WebBundle;

  constructor(@Inject(CONSOLE_WEB_SETTINGS) private readonly settings: ConsoleWebSettings) {
    this.loaded = lazyWebBundle(
      settings.folder,
      (cause) =>
        new ConsoleWebException(
          ConsoleWebErrorCode.NotBuilt,
          `The console's browser code is not built in ${settings.folder} (npm run build)`,
          {
            cause,
          },
        ),
    );
  }

  page(): WebAsset {
    const { script, style } = this.loaded().entry('console');
    const underAssets = (file: string) => `${this.settings.assetsPath}${file.replace(/^assets\//, '')}`;
    return {
      content: Buffer.from(appPage({ title: 'Helpgate console', script: underAssets(script), style: style && underAssets(style) })),
      contentType: htmlContentType,
      cacheControl: revalidateCaching,
      // Framed by no other site: the console acts for an agent, so it must not be clickjacked.
      contentSecurityPolicy: panelContentSecurityPolicy({ embeddingOrigins: [], apiOrigins: this.settings.apiOrigins }),
    };
  }

  config(): ConsoleConfigDto {
    return { services: this.settings.publicUrls };
  }

  /** A content-hashed file of the console (`console-4BJK4UF2.js`). */
  asset(name: string): WebAsset {
    const content = this.loaded().file(`assets/${name}`);
    if (!content) throw new ConsoleWebException(ConsoleWebErrorCode.AssetNotFound, `No console file ${name}`);
    return { content, contentType: contentTypeOf(name), cacheControl: immutableCaching };
  }
}

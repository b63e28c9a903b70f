import { Inject, Injectable } from '@nestjs/common';
import {
  contentTypeOf,
  htmlContentType,
  immutableCaching,
  lazyWebBundle,
  revalidateCaching,
  sha256Hex,
  WebAsset,
  WebBundle,
} from '@helpgate/platform';
import { HelpCenterService } from '../help-center/help-center.service';
import { demoContentSecurityPolicy, panelContentSecurityPolicy } from './content-security-policy';
import { HelpCenterWebErrorCode, HelpCenterWebException } from './help-center-web.exception';
import { HELP_CENTER_WEB_SETTINGS, HelpCenterWebSettings } from './help-center-web.settings';
import { withAppearance } from './loader-appearance';
import { demoPage, panelPage } from './pages';

/**
 * Host pages embed the loader by a fixed URL and it carries the team's appearance: browsers ask again after a minute,
 * with its ETag, and get a `304` without the bytes while neither the build nor the appearance changed.
 */
const loaderCaching = 'public, max-age=60';

/** The help center's browser side: the loader host pages embed, the panel page it frames, their files, the demo site. */
@Injectable()
export class HelpCenterWebService {
  private readonly loaded: () => WebBundle;

  constructor(
    @Inject(HELP_CENTER_WEB_SETTINGS) private readonly settings: HelpCenterWebSettings,
    private readonly helpCenter: HelpCenterService,
  ) {
    this.loaded = lazyWebBundle(
      settings.folder,
      (cause) =>
        new HelpCenterWebException(
          HelpCenterWebErrorCode.NotBuilt,
          `The help center's browser code is not built in ${settings.folder} (npm run build)`,
          { cause },
        ),
    );
  }

  /** The loader with the team's current colour and name written in. */
  async loader(): Promise<WebAsset> {
    const { accentColor, teamName } = await this.helpCenter.current();
    const script = withAppearance(this.file('widget.js').toString('utf8'), { accentColor, teamName });
    if (script === null) {
      throw new HelpCenterWebException(
        HelpCenterWebErrorCode.NotBuilt,
        `The help center's loader in ${this.settings.folder} has no place for the team's appearance: build it again (npm run build)`,
      );
    }
    const content = Buffer.from(script);
    return { content, contentType: contentTypeOf('widget.js'), cacheControl: loaderCaching, etag: `"${sha256Hex(content).slice(0, 32)}"` };
  }

  panel(): WebAsset {
    return {
      content: Buffer.from(panelPage(this.loaded().entry('panel'))),
      contentType: htmlContentType,
      cacheControl: revalidateCaching,
      contentSecurityPolicy: panelContentSecurityPolicy(this.settings),
    };
  }

  /** A content-hashed file of the panel (`panel-4BJK4UF2.js`). */
  asset(name: string): WebAsset {
    return { content: this.file(`assets/${name}`), contentType: contentTypeOf(name), cacheControl: immutableCaching };
  }

  demo(): WebAsset {
    return {
      content: Buffer.from(demoPage),
      contentType: htmlContentType,
      cacheControl: revalidateCaching,
      contentSecurityPolicy: demoContentSecurityPolicy,
    };
  }

  private file(path: string): Buffer {
    const content = this.loaded().file(path);
    if (!content) throw new HelpCenterWebException(HelpCenterWebErrorCode.AssetNotFound, `No help-center file ${path}`);
    return content;
  }
}

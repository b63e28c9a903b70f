import { Inject, Injectable } from '@nestjs/common';
import { contentTypeOf, htmlContentType, immutableCaching, revalidateCaching, WebAsset, WebBundle } from '@helpgate/platform';
import { demoContentSecurityPolicy, panelContentSecurityPolicy } from './content-security-policy';
import { HelpCenterWebErrorCode, HelpCenterWebException } from './help-center-web.exception';
import { HELP_CENTER_WEB_SETTINGS, HelpCenterWebSettings } from './help-center-web.settings';
import { demoPage, panelPage } from './pages';

/** Host pages embed the loader by a fixed URL: browsers check for a new one after five minutes. */
const loaderCaching = 'public, max-age=300';

/** The help center's browser side: the loader host pages embed, the panel page it frames, their files, the demo site. */
@Injectable()
export class HelpCenterWebService {
  private bundle: WebBundle | null = null;

  constructor(@Inject(HELP_CENTER_WEB_SETTINGS) private readonly settings: HelpCenterWebSettings) {}

  loader(): WebAsset {
    return { content: this.file('widget.js'), contentType: contentTypeOf('widget.js'), cacheControl: loaderCaching };
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

  /** Read at the first request, so chat starts (and its tests run) without the browser code built. */
  private loaded(): WebBundle {
    if (!this.bundle) {
      try {
        this.bundle = WebBundle.load(this.settings.folder);
      } catch (error) {
        throw new HelpCenterWebException(
          HelpCenterWebErrorCode.NotBuilt,
          `The help center's browser code is not built in ${this.settings.folder} (npm run build)`,
          { cause: error },
        );
      }
    }
    return this.bundle;
  }
}

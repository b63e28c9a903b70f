import { Inject, Injectable } from '@nestjs/common';
import {
  contentTypeOf,
  htmlContentType,
  immutableCaching,
  lazyWebBundle,
  revalidateCaching,
  WebAsset,
  WebBundle,
} from '@helpgate/platform';
import { demoContentSecurityPolicy, panelContentSecurityPolicy } from './content-security-policy';
import { HelpCenterWebErrorCode, HelpCenterWebException } from './help-center-web.exception';
import { HELP_CENTER_WEB_SETTINGS, HelpCenterWebSettings } from './help-center-web.settings';
import { demoPage, panelPage } from './pages';

/** Host pages embed the loader by a fixed URL: browsers check for a new one after five minutes. */
const loaderCaching = 'public, max-age=300';

/** The help center's browser side: the loader host pages embed, the panel page it frames, their files, the demo site. */
@Injectable()
export class HelpCenterWebService {
  private readonly loaded: () => WebBundle;

  constructor(@Inject(HELP_CENTER_WEB_SETTINGS) private readonly settings: HelpCenterWebSettings) {
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
}

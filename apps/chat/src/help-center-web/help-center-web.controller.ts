import { Controller, Get, Param } from '@nestjs/common';
import { z } from 'zod';
import { Public } from '@helpgate/auth';
import { ApiDescription, WebAsset, WebAssetResponse, ZodValidationPipe } from '@helpgate/platform';
import { HelpCenterWebService } from './help-center-web.service';

const assetNameSchema = z.string().regex(/^[A-Za-z0-9_-]+\.(js|css)$/, 'a file name of the panel such as panel-4BJK4UF2.js');

/** The help center in one script tag (no token): the loader, the panel page it frames, the panel's files, a demo site. */
@Public()
@Controller('help-center')
export class HelpCenterWebController {
  constructor(private readonly web: HelpCenterWebService) {}

  @Get('widget.js')
  @WebAssetResponse('text/javascript')
  @ApiDescription(
    "The loader a host page embeds with one script tag: a launcher button in the team's colour that opens the panel in an iframe.",
  )
  loader(): Promise<WebAsset> {
    return this.web.loader();
  }

  @Get('panel')
  @WebAssetResponse('text/html')
  @ApiDescription('The panel page the loader frames; only the sites in CHAT_ALLOWED_ORIGINS (and chat itself) may frame it.')
  panel(): WebAsset {
    return this.web.panel();
  }

  @Get('set-password')
  @WebAssetResponse('text/html')
  @ApiDescription("The panel opened from a mailed set-password link (identity's portal URL set to chat's /help-center).")
  setPassword(): WebAsset {
    return this.web.panel();
  }

  @Get('verify-email')
  @WebAssetResponse('text/html')
  @ApiDescription("The panel opened from a mailed email-verification link (identity's portal URL set to chat's /help-center).")
  verifyEmail(): WebAsset {
    return this.web.panel();
  }

  @Get('assets/:name')
  @WebAssetResponse('text/javascript')
  @ApiDescription('A content-hashed script or style of the panel, cached for good.')
  asset(@Param('name', new ZodValidationPipe(assetNameSchema)) name: string): WebAsset {
    return this.web.asset(name);
  }

  @Get('demo')
  @WebAssetResponse('text/html')
  @ApiDescription('A sample support site showing the help center as any host page would embed it.')
  demo(): WebAsset {
    return this.web.demo();
  }
}

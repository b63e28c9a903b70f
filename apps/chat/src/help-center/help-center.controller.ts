import { Controller, Get, Header, Param } from '@nestjs/common';
import { Public } from '@helpgate/auth';
import { ApiDescription, FileDownload, ResponseBody, sha256HexSchema, StoredFile, ZodValidationPipe } from '@helpgate/platform';
import { HelpCenterConfigDto, helpCenterConfigSchema } from './help-center.dto';
import { HelpCenterService } from './help-center.service';

/** What the help-center panel reads before it shows anything (no token): it runs for anonymous visitors too. */
@Public()
@Controller('help-center')
export class HelpCenterController {
  constructor(private readonly helpCenter: HelpCenterService) {}

  @Get('config')
  @ResponseBody(helpCenterConfigSchema)
  @ApiDescription("The team's name, colour, greetings, logo and links, the features offered, the languages and the APIs' public URLs.")
  config(): Promise<HelpCenterConfigDto> {
    return this.helpCenter.publicConfig();
  }

  @Get('logos/:sha256')
  @FileDownload('image/*')
  // Named by its digest, so a logo never changes: a new one has a new URL.
  @Header('cache-control', 'public, max-age=31536000, immutable')
  @ApiDescription('An uploaded logo (PNG, JPEG, GIF or WebP, by its bytes).')
  logo(@Param('sha256', new ZodValidationPipe(sha256HexSchema)) sha256: string): Promise<StoredFile> {
    return this.helpCenter.logo(sha256);
  }
}

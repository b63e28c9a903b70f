import { Controller, Get, Param } from '@nestjs/common';
import { z } from 'zod';
import { Public } from '@helpgate/auth';
import { ApiDescription, ResponseBody, WebAsset, WebAssetResponse, ZodValidationPipe } from '@helpgate/platform';
import { ConsoleConfigDto, consoleConfigSchema, ConsoleWebService } from './console-web.service';

const assetNameSchema = z.string().regex(/^[A-Za-z0-9_-]+\.(js|css)$/, 'a file name of the console such as console-4BJK4UF2.js');

/** The agent console's page and files (no token: the page signs the agent in and calls each service's API with its token). */
@Public()
@Controller('console')
export class ConsoleWebController {
  constructor(private readonly web: ConsoleWebService) {}

  @Get()
  @WebAssetResponse('text/html')
  @ApiDescription('The agent console: chats, tickets and customers, over each service’s API.')
  page(): WebAsset {
    return this.web.page();
  }

  @Get('config')
  @ResponseBody(consoleConfigSchema)
  @ApiDescription('Where the console finds each service’s API from the browser.')
  config(): ConsoleConfigDto {
    return this.web.config();
  }

  @Get('set-password')
  @WebAssetResponse('text/html')
  @ApiDescription('The console opened from an invited agent’s mailed set-password link.')
  setPassword(): WebAsset {
    return this.web.page();
  }

  @Get('assets/:name')
  @WebAssetResponse('text/javascript')
  @ApiDescription('A content-hashed script or style of the console, cached for good.')
  asset(@Param('name', new ZodValidationPipe(assetNameSchema)) name: string): WebAsset {
    return this.web.asset(name);
  }
}

import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { PageOf, pageOf, ResponseBody, ZodValidationPipe } from '@helpgate/platform';
import {
  HeldCountsDto,
  heldCountsSchema,
  QuarantinedMessageDto,
  quarantinedMessageSchema,
  QuarantineQueryDto,
  quarantineQuerySchema,
} from './quarantine.dto';
import { QuarantineService } from './quarantine.service';

@Controller('quarantine')
export class QuarantineController {
  constructor(private readonly quarantine: QuarantineService) {}

  @Get()
  @ResponseBody(pageOf(quarantinedMessageSchema))
  list(@Query(new ZodValidationPipe(quarantineQuerySchema)) query: QuarantineQueryDto): Promise<PageOf<QuarantinedMessageDto>> {
    return this.quarantine.list(query);
  }

  @Get('counts')
  @ResponseBody(heldCountsSchema)
  counts(): Promise<HeldCountsDto> {
    return this.quarantine.countHeld();
  }

  @Post(':id/release')
  @HttpCode(204)
  release(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.quarantine.release(id);
  }

  @Delete(':id')
  @HttpCode(204)
  discard(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.quarantine.discard(id);
  }
}

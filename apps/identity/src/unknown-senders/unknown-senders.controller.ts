import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { Page, PageOf, pageQuerySchema, ZodValidationPipe } from '@helpgate/platform';
import { AcceptedUnknownSenderResponseDto, UnknownSenderMailResponseDto } from './unknown-sender.dto';
import { UnknownSendersService } from './unknown-senders.service';

@Controller('unknown-senders')
export class UnknownSendersController {
  constructor(private readonly unknownSenders: UnknownSendersService) {}

  /** Held mail, newest first. */
  @Get()
  list(@Query(new ZodValidationPipe(pageQuerySchema)) page: Page): Promise<PageOf<UnknownSenderMailResponseDto>> {
    return this.unknownSenders.list(page);
  }

  /** Resolves held mail to the contact an agent has since created with the sender's address. */
  @Post(':inboundMessageId/accept')
  @HttpCode(HttpStatus.OK)
  accept(@Param('inboundMessageId', ParseUUIDPipe) inboundMessageId: string): Promise<AcceptedUnknownSenderResponseDto> {
    return this.unknownSenders.accept(inboundMessageId);
  }
}

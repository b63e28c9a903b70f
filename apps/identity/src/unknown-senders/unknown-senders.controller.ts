import { Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { Page, PageOf, pageOf, pageQuerySchema, ResponseBody, ZodValidationPipe } from '@helpgate/platform';
import {
  AcceptedUnknownSenderResponseDto,
  acceptedUnknownSenderSchema,
  UnknownSenderMailResponseDto,
  unknownSenderMailSchema,
} from './unknown-sender.dto';
import { UnknownSendersService } from './unknown-senders.service';

@Controller('unknown-senders')
export class UnknownSendersController {
  constructor(private readonly unknownSenders: UnknownSendersService) {}

  /** Held mail, newest first. */
  @Get()
  @ResponseBody(pageOf(unknownSenderMailSchema))
  list(@Query(new ZodValidationPipe(pageQuerySchema)) page: Page): Promise<PageOf<UnknownSenderMailResponseDto>> {
    return this.unknownSenders.list(page);
  }

  /** Resolves held mail to the contact an agent has since created with the sender's address. */
  @Post(':inboundMessageId/accept')
  @ResponseBody(acceptedUnknownSenderSchema)
  @HttpCode(HttpStatus.OK)
  accept(@Param('inboundMessageId', ParseUUIDPipe) inboundMessageId: string): Promise<AcceptedUnknownSenderResponseDto> {
    return this.unknownSenders.accept(inboundMessageId);
  }

  /** Drops held mail an agent does not want as a ticket (spam, a wrong address): it makes no contact and opens nothing. */
  @Delete(':inboundMessageId')
  @HttpCode(HttpStatus.NO_CONTENT)
  reject(@Param('inboundMessageId', ParseUUIDPipe) inboundMessageId: string): Promise<void> {
    return this.unknownSenders.reject(inboundMessageId);
  }
}

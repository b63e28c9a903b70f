import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { PageOf, ZodValidationPipe } from '@helpgate/platform';
import { TicketDetailDto, TicketSearchDto, ticketSearchSchema, TicketSummaryDto } from './ticket.dto';
import { TicketsService } from './tickets.service';

@Controller('tickets')
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @Get()
  search(@Query(new ZodValidationPipe(ticketSearchSchema)) query: TicketSearchDto): Promise<PageOf<TicketSummaryDto>> {
    return this.tickets.search(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<TicketDetailDto> {
    return this.tickets.get(id);
  }
}

import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { actorOf, CurrentPrincipal, Principal } from '@helpgate/auth';
import { Page, PageOf, pageQuerySchema, ZodValidationPipe } from '@helpgate/platform';
import { DismissalDto, DismissalResponseDto, dismissalSchema, DuplicateCandidateDto, DuplicatePairDto } from './duplicate-candidate.dto';
import { DuplicateCandidatesService } from './duplicate-candidates.service';

@Controller()
export class DuplicateCandidatesController {
  constructor(private readonly candidates: DuplicateCandidatesService) {}

  @Get('contacts/:id/duplicate-candidates')
  candidatesOf(
    @Param('id', ParseUUIDPipe) id: string,
    @Query(new ZodValidationPipe(pageQuerySchema)) page: Page,
  ): Promise<PageOf<DuplicateCandidateDto>> {
    return this.candidates.candidatesOf(id, page);
  }

  @Get('duplicate-candidates')
  pairs(@Query(new ZodValidationPipe(pageQuerySchema)) page: Page): Promise<PageOf<DuplicatePairDto>> {
    return this.candidates.pairs(page);
  }

  @Post('duplicate-candidates/dismissals')
  dismiss(
    @Body(new ZodValidationPipe(dismissalSchema)) body: DismissalDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DismissalResponseDto> {
    return this.candidates.dismiss(body.contactIds, actorOf(principal));
  }
}

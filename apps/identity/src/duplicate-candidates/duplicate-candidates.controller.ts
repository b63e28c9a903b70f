import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { actorOf, CurrentPrincipal, Principal } from '@helpgate/auth';
import { ApiDescription, Page, PageOf, pageOf, pageQuerySchema, ResponseBody, ZodValidationPipe } from '@helpgate/platform';
import {
  DismissalDto,
  DismissalResponseDto,
  dismissalResponseSchema,
  dismissalSchema,
  DuplicateCandidateDto,
  duplicateCandidateSchema,
  DuplicatePairDto,
  duplicatePairSchema,
} from './duplicate-candidate.dto';
import { DuplicateCandidatesService } from './duplicate-candidates.service';

@Controller()
export class DuplicateCandidatesController {
  constructor(private readonly candidates: DuplicateCandidatesService) {}

  @Get('contacts/:id/duplicate-candidates')
  @ResponseBody(pageOf(duplicateCandidateSchema))
  candidatesOf(
    @Param('id', ParseUUIDPipe) id: string,
    @Query(new ZodValidationPipe(pageQuerySchema)) page: Page,
  ): Promise<PageOf<DuplicateCandidateDto>> {
    return this.candidates.candidatesOf(id, page);
  }

  @ApiDescription(
    'Pairs of contacts that look like one person, the pair with the newest contact first, with the reasons: ' +
      '`same_phone` (a number direct for one of them), `same_name_in_organization` (not "Unassigned"), ' +
      '`similar_address` (one mailbox: a plus-tag apart, or dots apart at Gmail). Nothing is merged automatically.',
  )
  @Get('duplicate-candidates')
  @ResponseBody(pageOf(duplicatePairSchema))
  listPairs(@Query(new ZodValidationPipe(pageQuerySchema)) page: Page): Promise<PageOf<DuplicatePairDto>> {
    return this.candidates.pairs(page);
  }

  @ApiDescription(
    'The two contacts are not suggested as duplicates of each other again; dismissing a pair twice keeps the first dismissal.',
  )
  @Post('duplicate-candidates/dismissals')
  @ResponseBody(dismissalResponseSchema)
  dismiss(
    @Body(new ZodValidationPipe(dismissalSchema)) body: DismissalDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DismissalResponseDto> {
    return this.candidates.dismiss(body.contactIds, actorOf(principal));
  }
}

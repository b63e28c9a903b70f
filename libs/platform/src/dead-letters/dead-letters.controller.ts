import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { actorOf, AdminsOnly, CurrentPrincipal, Principal } from '@helpgate/auth';
import { PageOf, pageOf } from '../pagination';
import { ApiDescription, ResponseBody } from '../openapi/api-document.decorators';
import { ZodValidationPipe } from '../zod-validation.pipe';
import {
  DeadLetterDetailDto,
  deadLetterDetailSchema,
  DeadLetterDto,
  DeadLetterListQueryDto,
  deadLetterListQuerySchema,
  DeadLetterLocationDto,
  deadLetterLocationSchema,
  deadLetterSchema,
} from './dead-letters.dto';
import { DeadLettersService } from './dead-letters.service';

@AdminsOnly()
@Controller('dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @Get()
  @ApiDescription("The events this service's consumers dead-lettered, per consumed topic and in offset order.")
  @ResponseBody(pageOf(deadLetterSchema))
  list(@Query(new ZodValidationPipe(deadLetterListQuerySchema)) query: DeadLetterListQueryDto): Promise<PageOf<DeadLetterDto>> {
    return this.deadLetters.list(query);
  }

  @Get(':topic/:partition/:offset')
  @ResponseBody(deadLetterDetailSchema)
  show(@Param(new ZodValidationPipe(deadLetterLocationSchema)) location: DeadLetterLocationDto): Promise<DeadLetterDetailDto> {
    return this.deadLetters.show(location);
  }

  @Post(':topic/:partition/:offset/replay')
  @HttpCode(200)
  @ApiDescription('Hands the event back to its topic for this service alone; handling an event twice is a no-op.')
  @ResponseBody(deadLetterDetailSchema)
  replay(
    @Param(new ZodValidationPipe(deadLetterLocationSchema)) location: DeadLetterLocationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DeadLetterDetailDto> {
    return this.deadLetters.replay(location, actorOf(principal));
  }
}

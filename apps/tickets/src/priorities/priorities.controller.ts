import { Controller, Get } from '@nestjs/common';
import { ResponseBody } from '@helpgate/platform';
import { z } from 'zod';
import { PriorityDefinition, priorityDefinitions } from '../domain/priorities';
import { priorityDefinitionSchema } from './priority.dto';

/** The priorities with what each means, lowest first, for the forms where one is chosen. */
@Controller('priorities')
export class PrioritiesController {
  @Get()
  @ResponseBody(z.array(priorityDefinitionSchema))
  list(): readonly PriorityDefinition[] {
    return priorityDefinitions;
  }
}

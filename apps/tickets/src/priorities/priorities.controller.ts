import { Controller, Get } from '@nestjs/common';
import { PriorityDefinition, priorityDefinitions } from '../domain/priorities';

/** The priorities with what each means, lowest first, for the forms where one is chosen. */
@Controller('priorities')
export class PrioritiesController {
  @Get()
  list(): readonly PriorityDefinition[] {
    return priorityDefinitions;
  }
}

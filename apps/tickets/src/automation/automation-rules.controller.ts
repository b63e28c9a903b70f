import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { AdminsOnly } from '@helpgate/auth';
import { PageOf, ZodValidationPipe } from '@helpgate/platform';
import {
  AutomationRuleDto,
  CreateRuleDto,
  createRuleSchema,
  RuleListDto,
  ruleListSchema,
  UpdateRuleDto,
  updateRuleSchema,
} from './automation-rule.dto';
import { AutomationRulesService } from './automation-rules.service';

/** Automation rules, for admins only, listed in the order they run. */
@AdminsOnly()
@Controller('automation-rules')
export class AutomationRulesController {
  constructor(private readonly rules: AutomationRulesService) {}

  @Get()
  list(@Query(new ZodValidationPipe(ruleListSchema)) query: RuleListDto): Promise<PageOf<AutomationRuleDto>> {
    return this.rules.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<AutomationRuleDto> {
    return this.rules.get(id);
  }

  @Post()
  create(@Body(new ZodValidationPipe(createRuleSchema)) body: CreateRuleDto): Promise<AutomationRuleDto> {
    return this.rules.create(body);
  }

  /** Edits, (de)activates or moves (`position`) the rule. */
  @Patch(':id')
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(updateRuleSchema)) body: UpdateRuleDto,
  ): Promise<AutomationRuleDto> {
    return this.rules.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  delete(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.rules.delete(id);
  }
}

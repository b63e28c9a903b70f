import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { AdminsOnly } from '@helpgate/auth';
import { ApiDescription, PageOf, pageOf, ResponseBody, ZodValidationPipe } from '@helpgate/platform';
import {
  AutomationRuleDto,
  automationRuleResponseSchema,
  CreateRuleDto,
  createRuleSchema,
  RuleListDto,
  ruleListSchema,
  RuleVocabularyDto,
  ruleVocabularySchema,
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
  @ResponseBody(pageOf(automationRuleResponseSchema))
  list(@Query(new ZodValidationPipe(ruleListSchema)) query: RuleListDto): Promise<PageOf<AutomationRuleDto>> {
    return this.rules.list(query);
  }

  @Get('vocabulary')
  @ResponseBody(ruleVocabularySchema)
  @ApiDescription('The triggers, condition fields, operators and action types a rule may use, for rule forms.')
  vocabulary(): RuleVocabularyDto {
    return this.rules.vocabulary();
  }

  @Get(':id')
  @ResponseBody(automationRuleResponseSchema)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<AutomationRuleDto> {
    return this.rules.get(id);
  }

  @Post()
  @ResponseBody(automationRuleResponseSchema)
  @ApiDescription(
    'Triggers: ticket_created, ticket_updated, message_received (a customer wrote; never agents, Helpgate or auto-responders). Conditions: subject, body, channel, requester_email, requester_domain, organization, priority, category, status, tags with equals, not_equals, contains, not_contains, starts_with, ends_with, is_one_of, is_not_one_of (a list); ids and fixed values are compared whole. Actions, in order: mail_template, set_priority, set_category, set_status, set_assignee, add_tags, add_note. Templates, categories and assignees named must be active (422 otherwise). The rule comes last unless `position` says otherwise.',
  )
  create(@Body(new ZodValidationPipe(createRuleSchema)) body: CreateRuleDto): Promise<AutomationRuleDto> {
    return this.rules.create(body);
  }

  /** Edits, (de)activates or moves (`position`) the rule. */
  @Patch(':id')
  @ResponseBody(automationRuleResponseSchema)
  @ApiDescription('Any field; `position` moves the rule there (1 is first, past the end is last), the others keeping their order.')
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

import { Module } from '@nestjs/common';
import { AgentsModule } from '../agents/agents.module';
import { CategoriesModule } from '../categories/categories.module';
import { ReplyTemplatesModule } from '../reply-templates/reply-templates.module';
import { TicketsModule } from '../tickets/tickets.module';
import { AutomationRulesController } from './automation-rules.controller';
import { AutomationRulesRepository } from './automation-rules.repository';
import { AutomationRulesService } from './automation-rules.service';
import { RuleActionsService } from './rule-actions.service';
import { RunRulesReaction } from './run-rules.reaction';

/** Automation rules: admins write them; they run on what happens to tickets, registered with the ticket lifecycle. */
@Module({
  imports: [TicketsModule, ReplyTemplatesModule, CategoriesModule, AgentsModule],
  controllers: [AutomationRulesController],
  providers: [AutomationRulesRepository, AutomationRulesService, RuleActionsService, RunRulesReaction],
})
export class AutomationModule {}

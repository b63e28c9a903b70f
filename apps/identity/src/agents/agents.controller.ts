import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { AdminsOnly } from '@helpgate/auth';
import { Page, PageOf, pageOf, ResponseBody, ZodValidationPipe } from '@helpgate/platform';
import { AgentDto, agentListSchema, agentResponseSchema, CreateAgentDto, createAgentSchema, UpdateAgentDto, updateAgentSchema } from './agent.dto';
import { AgentsService } from './agents.service';

@Controller('agents')
export class AgentsController {
  constructor(private readonly agents: AgentsService) {}

  @Get()
  @ResponseBody(pageOf(agentResponseSchema))
  list(@Query(new ZodValidationPipe(agentListSchema)) page: Page): Promise<PageOf<AgentDto>> {
    return this.agents.list(page);
  }

  @Get(':id')
  @ResponseBody(agentResponseSchema)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<AgentDto> {
    return this.agents.get(id);
  }

  @AdminsOnly()
  @Post()
  @ResponseBody(agentResponseSchema)
  create(@Body(new ZodValidationPipe(createAgentSchema)) body: CreateAgentDto): Promise<AgentDto> {
    return this.agents.create(body);
  }

  @AdminsOnly()
  @Patch(':id')
  @ResponseBody(agentResponseSchema)
  update(@Param('id', ParseUUIDPipe) id: string, @Body(new ZodValidationPipe(updateAgentSchema)) body: UpdateAgentDto): Promise<AgentDto> {
    return this.agents.update(id, body);
  }

  @AdminsOnly()
  @Post(':id/password-link')
  @HttpCode(HttpStatus.ACCEPTED)
  sendPasswordLink(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.agents.sendPasswordLink(id);
  }
}

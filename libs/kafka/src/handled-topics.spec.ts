import { Controller, DynamicModule, forwardRef, Get, Module } from '@nestjs/common';
import {
  EmailOutboundFailedV1,
  IdentityAgentChangedV1,
  IdentityContactChangedV1,
  TicketsTicketChangedV3,
  Topics,
} from '@helpgate/contracts';
import { ConsumeEvent, EventConsumer } from './event-consumer.decorator';
import { topicsHandledIn } from './handled-topics';

@EventConsumer()
class TicketChanges {
  @ConsumeEvent(Topics.TicketsTicketChanged, { batch: true })
  async onTicketsChanged(_events: TicketsTicketChangedV3[]): Promise<void> {}
}

@EventConsumer()
class DirectoryChanges {
  @ConsumeEvent(Topics.IdentityContactChanged)
  async onContactChanged(_event: IdentityContactChangedV1): Promise<void> {}

  @ConsumeEvent(Topics.IdentityAgentChanged)
  async onAgentChanged(_event: IdentityAgentChangedV1): Promise<void> {}
}

@EventConsumer()
class DeliveryFailures {
  @ConsumeEvent(Topics.EmailOutboundFailed)
  async onFailed(_event: EmailOutboundFailedV1): Promise<void> {}
}

@Controller('tickets')
class TicketsHttp {
  @Get()
  list(): string[] {
    return [];
  }
}

/** Imports the module that imports it, as Nest allows through forwardRef. */
@Module({ imports: [forwardRef(() => TicketsFeature)], controllers: [DeliveryFailures] })
class DeliveryFeature {}

@Module({ imports: [DeliveryFeature], controllers: [TicketsHttp, TicketChanges] })
class TicketsFeature {}

@Module({ controllers: [DirectoryChanges] })
class DirectoryFeature {
  static forRoot(): DynamicModule {
    return { module: DirectoryFeature, controllers: [TicketChanges] };
  }
}

@Module({})
class ServiceRoot {
  static forRoot(): DynamicModule {
    return { module: ServiceRoot, imports: [TicketsFeature, Promise.resolve(DirectoryFeature.forRoot())] };
  }
}

describe('topicsHandledIn', () => {
  it('lists the topics of every handler in the module and the modules it imports, however imported, each once', async () => {
    expect(await topicsHandledIn(ServiceRoot.forRoot())).toEqual([
      Topics.EmailOutboundFailed,
      Topics.IdentityAgentChanged,
      Topics.IdentityContactChanged,
      Topics.TicketsTicketChanged,
    ]);
  });

  it('lists none for a module without event handlers', async () => {
    @Module({ controllers: [TicketsHttp] })
    class HttpOnly {}
    expect(await topicsHandledIn(HttpOnly)).toEqual([]);
  });
});

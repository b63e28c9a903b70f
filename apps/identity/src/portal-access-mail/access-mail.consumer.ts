import { EventPattern, Payload } from '@nestjs/microservices';
import { IdentityAccessMailRequestedV1, Topics } from '@helpgate/contracts';
import { EventConsumer } from '@helpgate/kafka';
import { SendAccessMailUseCase } from './send-access-mail.use-case';

@EventConsumer()
export class AccessMailConsumer {
  constructor(private readonly sendAccessMail: SendAccessMailUseCase) {}

  @EventPattern(Topics.IdentityAccessMailRequested)
  async onAccessMailRequested(@Payload() event: IdentityAccessMailRequestedV1): Promise<void> {
    await this.sendAccessMail.execute(event);
  }
}

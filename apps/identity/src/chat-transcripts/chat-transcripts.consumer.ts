import { EventPattern, Payload } from '@nestjs/microservices';
import { ChatTranscriptRecordedV1, Topics } from '@helpgate/contracts';
import { EventConsumer } from '@helpgate/kafka';
import { RecordChatTranscriptUseCase } from './record-chat-transcript.use-case';

@EventConsumer()
export class ChatTranscriptsConsumer {
  constructor(private readonly recordChatTranscript: RecordChatTranscriptUseCase) {}

  @EventPattern(Topics.ChatTranscriptRecorded)
  async onTranscriptRecorded(@Payload() event: ChatTranscriptRecordedV1): Promise<void> {
    await this.recordChatTranscript.execute(event);
  }
}

import { ChatTranscriptRecordedV1, Topics } from '@helpgate/contracts';
import { ConsumeEvent, EventConsumer } from '@helpgate/kafka';
import { RecordChatTranscriptUseCase } from './record-chat-transcript.use-case';

@EventConsumer()
export class ChatTranscriptsConsumer {
  constructor(private readonly recordChatTranscript: RecordChatTranscriptUseCase) {}

  @ConsumeEvent(Topics.ChatTranscriptRecorded)
  async onTranscriptRecorded(event: ChatTranscriptRecordedV1): Promise<void> {
    await this.recordChatTranscript.execute(event);
  }
}

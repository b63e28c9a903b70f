import { BaseRpcContext } from '@nestjs/microservices';

type KafkaEventContextArgs = [topic: string, partition: number, offset: string, key: string | null, headers: Record<string, string>];

/** What a handler may want to know about the record it handles besides the payload. */
export class KafkaEventContext extends BaseRpcContext<KafkaEventContextArgs> {
  get topic(): string {
    return this.args[0];
  }

  get partition(): number {
    return this.args[1];
  }

  get offset(): string {
    return this.args[2];
  }

  get key(): string | null {
    return this.args[3];
  }

  get headers(): Record<string, string> {
    return this.args[4];
  }
}

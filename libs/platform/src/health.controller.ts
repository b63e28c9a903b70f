import { Public } from '@helpgate/auth';
import { Controller, Get, HttpStatus } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RequestErrorCode, RequestRefusedException } from './error-body';

@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  async check(): Promise<{ status: 'ok' }> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch (error) {
      throw new RequestRefusedException(HttpStatus.SERVICE_UNAVAILABLE, RequestErrorCode.Unavailable, 'database unreachable', { cause: error });
    }
    return { status: 'ok' };
  }
}

import { Public } from '@helpgate/auth';
import { Controller, Get, HttpStatus } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { RequestErrorCode, RequestRefusedException } from './error-body';
import { ResponseBody } from './openapi/api-document.decorators';

const healthSchema = z.object({ status: z.literal('ok') });

@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ResponseBody(healthSchema)
  async check(): Promise<z.infer<typeof healthSchema>> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch (error) {
      throw new RequestRefusedException(HttpStatus.SERVICE_UNAVAILABLE, RequestErrorCode.Unavailable, 'database unreachable', { cause: error });
    }
    return { status: 'ok' };
  }
}

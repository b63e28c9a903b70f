import { Public } from '@helpgate/auth';
import { Controller, Get, Header } from '@nestjs/common';
import { register } from 'prom-client';
import { ResponseContent } from './openapi/api-document.decorators';

/** Prometheus metrics of this process, e.g. helpgate_events_dead_lettered_total. */
@Public()
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('content-type', register.contentType)
  @ResponseContent('text/plain')
  metrics(): Promise<string> {
    return register.metrics();
  }
}

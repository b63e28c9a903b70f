import { DynamicModule, Module } from '@nestjs/common';
import { IncidentUpdateEntity } from './incident-update.entity';
import { IncidentEntity } from './incident.entity';
import { StatusController } from './status.controller';
import { StatusNoticesAdminController } from './status-notices-admin.controller';
import { StatusNoticesRepository } from './status-notices.repository';
import { StatusNoticesService } from './status-notices.service';
import { STATUS_NOTICES_SETTINGS, StatusNoticesSettings } from './status-notices.settings';
import { StatusNotices1764000000820 } from '../migrations/1764000000820-status-notices';

/** What status notices add to chat's database. */
export const statusNoticesSchema = { entities: [IncidentEntity, IncidentUpdateEntity], migrations: [StatusNotices1764000000820] };

/** Service status notices: admins' incidents and updates; the public status page, banner and RSS feed. */
@Module({})
export class StatusNoticesModule {
  static forRoot(settings: StatusNoticesSettings): DynamicModule {
    return {
      module: StatusNoticesModule,
      controllers: [StatusNoticesAdminController, StatusController],
      providers: [{ provide: STATUS_NOTICES_SETTINGS, useValue: settings }, StatusNoticesRepository, StatusNoticesService],
    };
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { Page } from '@helpgate/platform';
import { ReplyTemplateEntity } from './reply-template.entity';

export type TemplateFields = Pick<ReplyTemplateEntity, 'name' | 'subject' | 'body' | 'active'>;

const uniqueViolation = '23505';

@Injectable()
export class ReplyTemplatesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** By name, alphabetically. */
  async list(includeInactive: boolean, page: Page): Promise<[ReplyTemplateEntity[], number]> {
    const query = this.dataSource.getRepository(ReplyTemplateEntity).createQueryBuilder('template');
    if (!includeInactive) query.where('template.active');
    return query.orderBy('lower(template.name)').addOrderBy('template.id').limit(page.limit).offset(page.offset).getManyAndCount();
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<ReplyTemplateEntity | null> {
    return manager.getRepository(ReplyTemplateEntity).findOneBy({ id });
  }

  async findActive(id: string, manager: EntityManager): Promise<ReplyTemplateEntity | null> {
    return manager.getRepository(ReplyTemplateEntity).findOneBy({ id, active: true });
  }

  /** Which of the ids are active templates. */
  async activeIds(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: { id: string }[] = await manager.query('SELECT id FROM reply_templates WHERE active AND id = ANY($1::uuid[])', [ids]);
    return rows.map((row) => row.id);
  }

  async create(fields: TemplateFields): Promise<ReplyTemplateEntity | 'name-taken'> {
    return nameTakenAsResult(async () => {
      const { identifiers } = await this.dataSource.getRepository(ReplyTemplateEntity).insert(fields);
      return (await this.findById(identifiers[0].id as string))!;
    });
  }

  async update(id: string, fields: Partial<TemplateFields>): Promise<ReplyTemplateEntity | 'name-taken'> {
    return nameTakenAsResult(async () => {
      await this.dataSource.getRepository(ReplyTemplateEntity).update({ id }, fields);
      return (await this.findById(id))!;
    });
  }
}

async function nameTakenAsResult<T>(work: () => Promise<T>): Promise<T | 'name-taken'> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === uniqueViolation) return 'name-taken';
    throw error;
  }
}

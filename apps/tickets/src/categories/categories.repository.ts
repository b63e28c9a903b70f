import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { oncePerTransaction } from '@helpgate/database';
import { CategoryEntity } from './category.entity';

export type Saved = 'saved' | 'name-taken';

@Injectable()
export class CategoriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Departments, each followed by its features, alphabetically; in a transaction, read once (a batch of mail looks up
   * a category for every ticket it opens, and no work on tickets changes categories).
   */
  async all(manager: EntityManager = this.dataSource.manager): Promise<CategoryEntity[]> {
    return oncePerTransaction(manager, 'categories', () =>
      manager
        .getRepository(CategoryEntity)
        .createQueryBuilder('category')
        .orderBy('lower(category.department)')
        .addOrderBy('category.feature IS NOT NULL')
        .addOrderBy('lower(category.feature)')
        .getMany(),
    );
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<CategoryEntity | null> {
    return manager.getRepository(CategoryEntity).findOneBy({ id });
  }

  /** The department's own row (the one without a feature), in any case. */
  async findDepartment(department: string, manager: EntityManager = this.dataSource.manager): Promise<CategoryEntity | null> {
    return manager
      .getRepository(CategoryEntity)
      .createQueryBuilder('category')
      .where('lower(category.department) = lower(:department) AND category.feature IS NULL', { department })
      .getOne();
  }

  async create(department: string, feature: string | null): Promise<CategoryEntity | 'name-taken'> {
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO categories (department, feature) VALUES ($1, $2)
         ON CONFLICT (lower(department), lower(coalesce(feature, ''))) DO NOTHING RETURNING id`,
      [department, feature],
    );
    return rows.length > 0 ? (await this.findById(rows[0].id))! : 'name-taken';
  }

  /** Renames a department on its own row and on its features' rows. */
  async renameDepartment(current: string, name: string, manager: EntityManager): Promise<Saved> {
    return nameTakenAsResult(() =>
      manager.query('UPDATE categories SET department = $2, updated_at = now() WHERE lower(department) = lower($1)', [current, name]),
    );
  }

  async renameFeature(id: string, name: string, manager: EntityManager): Promise<Saved> {
    return nameTakenAsResult(() => manager.query('UPDATE categories SET feature = $2, updated_at = now() WHERE id = $1', [id, name]));
  }

  async setActive(id: string, active: boolean, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE categories SET active = $2, updated_at = now() WHERE id = $1', [id, active]);
  }
}

const uniqueViolation = '23505';

async function nameTakenAsResult(work: () => Promise<unknown>): Promise<Saved> {
  try {
    await work();
    return 'saved';
  } catch (error) {
    if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === uniqueViolation) return 'name-taken';
    throw error;
  }
}

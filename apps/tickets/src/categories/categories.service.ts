import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { categoryForLabel } from '../domain/category-label';
import { TicketsErrorCode, TicketsException } from '../domain/tickets.exception';
import { CategoriesRepository } from './categories.repository';
import { CategoryEntity } from './category.entity';
import {
  CategoryDto,
  CategoryInTree,
  CategoryListDto,
  CreateCategoryDto,
  DepartmentDto,
  toCategory,
  toDepartments,
  UpdateCategoryDto,
} from './category.dto';

/** The department / feature tree tickets are sorted by; admins edit it, tickets take active categories only. */
@Injectable()
export class CategoriesService {
  private readonly logger = new Logger(CategoriesService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly categories: CategoriesRepository,
  ) {}

  async list({ includeInactive }: CategoryListDto): Promise<DepartmentDto[]> {
    const tree = await this.tree();
    return toDepartments(includeInactive ? tree : tree.filter((category) => category.active));
  }

  async create({ department, feature }: CreateCategoryDto): Promise<CategoryDto> {
    if (feature === undefined) requireDepartmentName(department);
    const parent = await this.categories.findDepartment(department);
    if (feature !== undefined && !parent) {
      throw new TicketsException(TicketsErrorCode.DepartmentNotFound, `No department "${department}": create it first`);
    }
    const created = await this.categories.create(parent?.department ?? department, feature ?? null);
    if (created === 'name-taken') throw nameTaken(feature ?? department);
    this.logger.log({ categoryId: created.id }, 'category created');
    return this.describe(created.id);
  }

  async update(id: string, { name, active }: UpdateCategoryDto): Promise<CategoryDto> {
    await this.dataSource.transaction(async (manager) => {
      const category = await this.categories.findById(id, manager);
      if (!category) throw new TicketsException(TicketsErrorCode.CategoryNotFound, `No category ${id}`);
      if (name !== undefined) await this.rename(category, name, manager);
      if (active !== undefined) await this.categories.setActive(id, active, manager);
    });
    this.logger.log({ categoryId: id }, 'category changed');
    return this.describe(id);
  }

  /** The category a ticket may be given: it must exist and be active. */
  /** Whether new tickets may still get the category: it exists and is active. */
  async isAssignable(id: string, manager: EntityManager): Promise<boolean> {
    return (await this.tree(manager)).some((candidate) => candidate.entity.id === id && candidate.active);
  }

  async requireAssignable(id: string, manager: EntityManager): Promise<void> {
    const category = (await this.tree(manager)).find((candidate) => candidate.entity.id === id);
    if (!category) throw new TicketsException(TicketsErrorCode.UnknownCategory, `No category ${id}`);
    if (!category.active) {
      throw new TicketsException(TicketsErrorCode.InactiveCategory, `The category "${toCategory(category).path}" is deactivated`);
    }
  }

  /** Refuses ids that name no category, active or not (what a rule's condition may compare a ticket's with). */
  async requireExisting(ids: string[]): Promise<void> {
    const known = new Set((await this.categories.all()).map((category) => category.id));
    const missing = [...new Set(ids)].filter((id) => !known.has(id));
    if (missing.length > 0) throw new TicketsException(TicketsErrorCode.UnknownCategory, `No category ${missing.join(', ')}`);
  }

  /** The active category a label names (a support address's default category), or null. */
  async forLabel(label: string, manager: EntityManager): Promise<CategoryEntity | null> {
    const active = (await this.tree(manager)).filter((category) => category.active).map((category) => category.entity);
    return categoryForLabel(active, label);
  }

  private async rename(category: CategoryEntity, name: string, manager: EntityManager): Promise<void> {
    if (category.feature === null) requireDepartmentName(name);
    const saved =
      category.feature === null
        ? await this.categories.renameDepartment(category.department, name, manager)
        : await this.categories.renameFeature(category.id, name, manager);
    if (saved === 'name-taken') throw nameTaken(name);
  }

  private async describe(id: string): Promise<CategoryDto> {
    return toCategory((await this.tree()).find((category) => category.entity.id === id)!);
  }

  private async tree(manager?: EntityManager): Promise<CategoryInTree[]> {
    const categories = await this.categories.all(manager);
    const departmentActive = new Map(
      categories
        .filter((category) => category.feature === null)
        .map((department) => [department.department.toLowerCase(), department.active]),
    );
    return categories.map((entity) => ({
      entity,
      active: entity.active && (departmentActive.get(entity.department.toLowerCase()) ?? false),
    }));
  }
}

/** " / " separates a department from its feature in labels, so a department name never holds it. */
function requireDepartmentName(name: string): void {
  if (name.includes(' / ')) throw new TicketsException(TicketsErrorCode.InvalidCategoryName, 'A department name may not contain " / "');
}

function nameTaken(name: string): TicketsException {
  return new TicketsException(TicketsErrorCode.CategoryNameTaken, `A category named "${name}" exists already here`);
}

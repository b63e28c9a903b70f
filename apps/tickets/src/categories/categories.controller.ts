import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { AdminsOnly } from '@helpgate/auth';
import { ZodValidationPipe } from '@helpgate/platform';
import { CategoriesService } from './categories.service';
import {
  CategoryDto,
  CategoryListDto,
  categoryListSchema,
  CreateCategoryDto,
  createCategorySchema,
  DepartmentDto,
  UpdateCategoryDto,
  updateCategorySchema,
} from './category.dto';

@Controller('categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  list(@Query(new ZodValidationPipe(categoryListSchema)) query: CategoryListDto): Promise<DepartmentDto[]> {
    return this.categories.list(query);
  }

  @AdminsOnly()
  @Post()
  create(@Body(new ZodValidationPipe(createCategorySchema)) body: CreateCategoryDto): Promise<CategoryDto> {
    return this.categories.create(body);
  }

  /** Renames or (de)activates; categories are never deleted, as tickets keep theirs. */
  @AdminsOnly()
  @Patch(':id')
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(updateCategorySchema)) body: UpdateCategoryDto,
  ): Promise<CategoryDto> {
    return this.categories.update(id, body);
  }
}

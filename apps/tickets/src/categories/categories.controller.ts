import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { AdminsOnly } from '@helpgate/auth';
import { ResponseBody, ZodValidationPipe } from '@helpgate/platform';
import { z } from 'zod';
import { CategoriesService } from './categories.service';
import {
  CategoryDto,
  categoryResponseSchema,
  CategoryListDto,
  categoryListSchema,
  CreateCategoryDto,
  createCategorySchema,
  DepartmentDto,
  departmentResponseSchema,
  UpdateCategoryDto,
  updateCategorySchema,
} from './category.dto';

@Controller('categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @ResponseBody(z.array(departmentResponseSchema))
  list(@Query(new ZodValidationPipe(categoryListSchema)) query: CategoryListDto): Promise<DepartmentDto[]> {
    return this.categories.list(query);
  }

  @AdminsOnly()
  @Post()
  @ResponseBody(categoryResponseSchema)
  create(@Body(new ZodValidationPipe(createCategorySchema)) body: CreateCategoryDto): Promise<CategoryDto> {
    return this.categories.create(body);
  }

  /** Renames or (de)activates; categories are never deleted, as tickets keep theirs. */
  @AdminsOnly()
  @Patch(':id')
  @ResponseBody(categoryResponseSchema)
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(updateCategorySchema)) body: UpdateCategoryDto,
  ): Promise<CategoryDto> {
    return this.categories.update(id, body);
  }
}

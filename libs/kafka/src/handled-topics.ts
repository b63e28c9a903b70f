import { DynamicModule, ForwardReference, Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { MetadataScanner } from '@nestjs/core';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';

export type ModuleImport = Type | DynamicModule | Promise<DynamicModule> | ForwardReference;

/**
 * The topics the event handlers of a module and of every module it imports consume, sorted and each once: what
 * Nest hands the event transport at start, read from the same decorator metadata without starting anything.
 */
export async function topicsHandledIn(root: ModuleImport): Promise<string[]> {
  const topics = new Set<string>();
  const visited = new Set<unknown>();
  const visit = async (entry: ModuleImport): Promise<void> => {
    const module = await entry;
    if (visited.has(module)) return;
    visited.add(module);
    if ('forwardRef' in module) return visit((module.forwardRef as () => ModuleImport)());
    const { moduleClass, controllers = [], imports = [] } =
      typeof module === 'function' ? { moduleClass: module } : { moduleClass: module.module, ...module };
    const declared = (key: string): unknown[] => (Reflect.getMetadata(key, moduleClass) as unknown[] | undefined) ?? [];
    for (const controller of [...declared(MODULE_METADATA.CONTROLLERS), ...controllers]) {
      for (const topic of handlerPatternsOf(controller as Type)) topics.add(topic);
    }
    for (const imported of [...declared(MODULE_METADATA.IMPORTS), ...imports]) await visit(imported as ModuleImport);
  };
  await visit(root);
  return [...topics].sort();
}

function handlerPatternsOf(controller: Type): string[] {
  const prototype = controller.prototype as Record<string, unknown>;
  return new MetadataScanner()
    .getAllMethodNames(prototype)
    .flatMap((method): unknown[] => Reflect.getMetadata(PATTERN_METADATA, prototype[method] as object) ?? [])
    .map((pattern) => (typeof pattern === 'string' ? pattern : JSON.stringify(pattern)));
}

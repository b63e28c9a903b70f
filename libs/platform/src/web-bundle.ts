import { applyDecorators, CallHandler, ExecutionContext, Header, NestInterceptor, StreamableFile, UseInterceptors } from '@nestjs/common';
import type { Request, Response } from 'express';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { map, Observable } from 'rxjs';
import { ResponseContent } from './openapi/api-document.decorators';

/** A file of a browser front-end as a service answers it, with how long browsers may keep it and, for pages, their CSP. */
export interface WebAsset {
  content: Buffer;
  contentType: string;
  cacheControl: string;
  contentSecurityPolicy?: string;
  /** For a file whose bytes change under a fixed name: a browser holding it is answered `304` without them. */
  etag?: string;
}

/** Content-hashed files never change under their name: browsers keep them a year without asking again. */
export const immutableCaching = 'public, max-age=31536000, immutable';
/** Pages and fixed-name scripts are checked again every time (pages) or after a few minutes (a host page's loader). */
export const revalidateCaching = 'no-cache';

export const htmlContentType = 'text/html; charset=utf-8';

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': htmlContentType,
};

export function contentTypeOf(file: string): string {
  return contentTypes[extname(file)] ?? 'application/octet-stream';
}

class WebAssetInterceptor implements NestInterceptor<WebAsset, StreamableFile | undefined> {
  intercept(context: ExecutionContext, next: CallHandler<WebAsset>): Observable<StreamableFile | undefined> {
    const http = context.switchToHttp();
    const response = http.getResponse<Response>();
    return next.handle().pipe(
      map((asset) => {
        response.setHeader('Content-Type', asset.contentType);
        response.setHeader('Cache-Control', asset.cacheControl);
        if (asset.contentSecurityPolicy) response.setHeader('Content-Security-Policy', asset.contentSecurityPolicy);
        if (asset.etag) {
          response.setHeader('ETag', asset.etag);
          // No body: Express answers `304` when the request's If-None-Match names the ETag just set.
          if (http.getRequest<Request>().fresh) return undefined;
        }
        return new StreamableFile(asset.content, { length: asset.content.length });
      }),
    );
  }
}

/**
 * Answers the `WebAsset` the route returns: its bytes and type, its caching and CSP, and `nosniff` so a browser never
 * reads a script as anything else. The API document describes the answer as `documentedType`.
 */
export function WebAssetResponse(documentedType: string): MethodDecorator {
  return applyDecorators(
    ResponseContent(documentedType),
    Header('X-Content-Type-Options', 'nosniff'),
    UseInterceptors(new WebAssetInterceptor()),
  );
}

/** What scripts/lib/web-bundles.mjs writes next to a front-end's files. */
interface WebBundleManifest {
  fixed: Record<string, string>;
  hashed: Record<string, { script: string; style: string | null }>;
}

/**
 * A front-end as the build bundled it (`dist/web/<name>/`): read whole into memory once (a few hundred KB), and only
 * the files its manifest names can be answered, so no request reaches anything else on the disk.
 */
export class WebBundle {
  private constructor(
    private readonly manifest: WebBundleManifest,
    private readonly files: ReadonlyMap<string, Buffer>,
  ) {}

  static load(folder: string): WebBundle {
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as WebBundleManifest;
    const names = [
      ...Object.values(manifest.fixed),
      ...Object.values(manifest.hashed).flatMap(({ script, style }) => (style ? [script, style] : [script])),
    ];
    return new WebBundle(manifest, new Map(names.map((name) => [name, readFileSync(join(folder, name))])));
  }

  /** A file by its path in the bundle (`widget.js`, `assets/panel-4BJK4UF2.js`), or undefined. */
  file(path: string): Buffer | undefined {
    return this.files.get(path);
  }

  /** The content-hashed script and style an entry point became. */
  entry(name: string): { script: string; style: string | null } {
    const entry = this.manifest.hashed[name];
    if (!entry) throw new Error(`the web bundle has no entry point "${name}"`);
    return entry;
  }
}

/**
 * A front-end read at the first request for it, so a service starts (and its tests run) without the browser code
 * built; `notBuilt` turns the missing bundle into the service's own exception, with the cause kept.
 */
export function lazyWebBundle(folder: string, notBuilt: (cause: unknown) => Error): () => WebBundle {
  let bundle: WebBundle | null = null;
  return () => {
    if (!bundle) {
      try {
        bundle = WebBundle.load(folder);
      } catch (error) {
        throw notBuilt(error);
      }
    }
    return bundle;
  };
}

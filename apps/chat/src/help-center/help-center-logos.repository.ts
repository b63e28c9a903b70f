import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { StoredFile } from '@helpgate/platform';

export interface StoredLogo {
  sha256: string;
  contentType: string;
  content: Buffer;
}

/** Logos admins uploaded, named by their digest: the same image uploaded twice is stored once. */
@Injectable()
export class HelpCenterLogosRepository {
  constructor(private readonly dataSource: DataSource) {}

  async store(logo: StoredLogo): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO help_center_logos (sha256, content_type, content) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING',
      [logo.sha256, logo.contentType, logo.content],
    );
  }

  async find(sha256: string): Promise<StoredFile | null> {
    const [row]: { content_type: string; content: Buffer }[] = await this.dataSource.query(
      'SELECT content_type, content FROM help_center_logos WHERE sha256 = $1',
      [sha256],
    );
    return row ? { content: row.content, contentType: row.content_type, filename: `logo-${sha256.slice(0, 12)}` } : null;
  }
}

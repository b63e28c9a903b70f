import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How far one reader has read the announcements: one row per reader, so the unread count is the announcements
 * published after `readUpTo` (one index range, however many announcements there are).
 */
@Entity('announcement_read_marks')
export class AnnouncementReadMarkEntity {
  /** `contact:<id>` for a signed-in contact, `visitor:<uuid>` for the widget's anonymous visitor (see read-mark.ts). */
  @PrimaryColumn('text')
  reader!: string;

  @Column('timestamptz', { name: 'read_up_to' })
  readUpTo!: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A reader's answer to "was this article helpful?": one per visitor and article (any translation); a new one replaces it. */
@Entity('knowledge_base_votes')
export class ArticleVoteEntity {
  @PrimaryColumn('text', { name: 'article_id' })
  articleId!: string;

  @PrimaryColumn('text', { name: 'visitor_id' })
  visitorId!: string;

  @Column('boolean')
  helpful!: boolean;

  @Column('timestamptz', { name: 'voted_at' })
  votedAt!: Date;
}

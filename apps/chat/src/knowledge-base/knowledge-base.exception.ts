import { domainExceptionFor, ErrorKind } from '@helpgate/errors';

export enum KnowledgeBaseErrorCode {
  ArticleNotFound = 'knowledge_base.article_not_found',
  ArticleExists = 'knowledge_base.article_exists',
}

const kindOf: Record<KnowledgeBaseErrorCode, ErrorKind> = {
  [KnowledgeBaseErrorCode.ArticleNotFound]: ErrorKind.NotFound,
  [KnowledgeBaseErrorCode.ArticleExists]: ErrorKind.Conflict,
};

export class KnowledgeBaseException extends domainExceptionFor(kindOf) {}

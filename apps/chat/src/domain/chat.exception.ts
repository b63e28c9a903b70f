import { domainExceptionFor, ErrorKind } from '@helpgate/errors';

/** Every refusal chat gives, on the socket (`error` event) and over HTTP alike; the protocol document lists them. */
export enum ChatErrorCode {
  InvalidEvent = 'invalid_event',
  Unauthenticated = 'unauthenticated',
  TokenExpired = 'token_expired',
  ConversationNotFound = 'conversation_not_found',
  ConversationEnded = 'conversation_ended',
  NotAssignedToYou = 'not_assigned_to_you',
  AlreadyAccepted = 'already_accepted',
  NotQueued = 'not_queued',
  /** Only a conversation the AI agent is having can be taken over. */
  NotWithAiAgent = 'not_with_ai_agent',
  CapacityReached = 'capacity_reached',
  UnknownAgent = 'unknown_agent',
  AgentUnavailable = 'agent_unavailable',
  PreChatRequired = 'pre_chat_required',
  MessageTooLarge = 'message_too_large',
  RateLimited = 'rate_limited',
  TooManyOpenConversations = 'too_many_open_conversations',
  TooManyConnections = 'too_many_connections',
  TooManyFiles = 'too_many_files',
  FileTooLarge = 'file_too_large',
  FilesTooLarge = 'files_too_large',
  FileNotFound = 'file_not_found',
  AlreadyRated = 'already_rated',
  NotEnded = 'conversation_not_ended',
  InternalError = 'internal_error',
}

const kindOf: Record<ChatErrorCode, ErrorKind> = {
  [ChatErrorCode.InvalidEvent]: ErrorKind.Invalid,
  [ChatErrorCode.Unauthenticated]: ErrorKind.Unauthenticated,
  [ChatErrorCode.TokenExpired]: ErrorKind.Unauthenticated,
  [ChatErrorCode.ConversationNotFound]: ErrorKind.NotFound,
  [ChatErrorCode.ConversationEnded]: ErrorKind.Conflict,
  [ChatErrorCode.NotAssignedToYou]: ErrorKind.Forbidden,
  [ChatErrorCode.AlreadyAccepted]: ErrorKind.Conflict,
  [ChatErrorCode.NotQueued]: ErrorKind.Conflict,
  [ChatErrorCode.NotWithAiAgent]: ErrorKind.Conflict,
  [ChatErrorCode.CapacityReached]: ErrorKind.Conflict,
  [ChatErrorCode.UnknownAgent]: ErrorKind.Invalid,
  [ChatErrorCode.AgentUnavailable]: ErrorKind.Conflict,
  [ChatErrorCode.PreChatRequired]: ErrorKind.Invalid,
  [ChatErrorCode.MessageTooLarge]: ErrorKind.Invalid,
  [ChatErrorCode.RateLimited]: ErrorKind.Unavailable,
  [ChatErrorCode.TooManyOpenConversations]: ErrorKind.Conflict,
  [ChatErrorCode.TooManyConnections]: ErrorKind.Unavailable,
  [ChatErrorCode.TooManyFiles]: ErrorKind.Invalid,
  [ChatErrorCode.FileTooLarge]: ErrorKind.Invalid,
  [ChatErrorCode.FilesTooLarge]: ErrorKind.Invalid,
  [ChatErrorCode.FileNotFound]: ErrorKind.NotFound,
  [ChatErrorCode.AlreadyRated]: ErrorKind.Conflict,
  [ChatErrorCode.NotEnded]: ErrorKind.Conflict,
  [ChatErrorCode.InternalError]: ErrorKind.Unavailable,
};

export class ChatException extends domainExceptionFor(kindOf) {}

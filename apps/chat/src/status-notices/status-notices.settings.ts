import type { ChatConfig } from '../config';

export type StatusNoticesSettings = ChatConfig['statusNotices'];

export const STATUS_NOTICES_SETTINGS = Symbol('STATUS_NOTICES_SETTINGS');

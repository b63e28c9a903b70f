import type { ChatConfig } from '../config';

export type HelpCenterWebSettings = ChatConfig['helpCenterWeb'];
export const HELP_CENTER_WEB_SETTINGS = Symbol('HELP_CENTER_WEB_SETTINGS');

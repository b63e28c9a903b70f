import type { ChatConfig } from '../config';

export type ConsoleWebSettings = ChatConfig['consoleWeb'];
export const CONSOLE_WEB_SETTINGS = Symbol('CONSOLE_WEB_SETTINGS');

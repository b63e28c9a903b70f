/** Where the chat service's API is reached (`ChatLinksConfig`), for links to the files it keeps. */
export const CHAT_LINKS = Symbol('CHAT_LINKS');

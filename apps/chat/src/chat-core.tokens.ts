/** Injection tokens of the settings and process facts every chat feature may need. */
export const CHAT_SETTINGS = Symbol('CHAT_SETTINGS');
/** The public keys that verify identity's access tokens (agents' and contacts'). */
export const TOKEN_KEYS = Symbol('TOKEN_KEYS');
/** This process's id, recorded on its agents' connections so they lapse with it. */
export const INSTANCE_ID = Symbol('INSTANCE_ID');

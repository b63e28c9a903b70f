export const KNOWLEDGE_BASE_SETTINGS = Symbol('KNOWLEDGE_BASE_SETTINGS');

export interface KnowledgeBaseSettings {
  /** Load the demo articles at start when the knowledge base is empty (`CHAT_LOAD_DEMO_KNOWLEDGE_BASE`). */
  loadDemo: boolean;
  /** Where they are (`CHAT_DEMO_KNOWLEDGE_BASE_DIR`). */
  demoFolder: string;
}

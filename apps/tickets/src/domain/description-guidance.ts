export interface DescriptionHint {
  /** Stable, for a form to show its own translation. */
  id: string;
  text: string;
}

/** What the ticket form suggests a description holds, the most important first (the product reference's list). */
export const descriptionGuidance: readonly DescriptionHint[] = [
  { id: 'what_happened', text: 'What happened: who you were signed in as, where you were, and what you saw' },
  { id: 'steps', text: 'The steps to reproduce it' },
  { id: 'item', text: 'The item concerned' },
  { id: 'goal', text: 'What you were trying to do' },
  { id: 'affected_user', text: 'The affected user' },
  { id: 'environment', text: 'Your browser and operating system' },
  { id: 'recording', text: 'If you can, a screen recording or a HAR file' },
];

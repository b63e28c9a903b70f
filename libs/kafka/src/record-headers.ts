import type { IHeaders } from 'kafkajs';

/** A record's headers as text, several values of one header joined with commas. */
export function textHeaders(headers: IHeaders | undefined): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) text[name] = Array.isArray(value) ? value.map(String).join(',') : String(value);
  }
  return text;
}

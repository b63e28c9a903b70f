/**
 * The panel's calls: chat's help center on its own origin, identity and tickets on theirs (CORS), each answering
 * JSON or the services' one error body `{ statusCode, code, message }`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The fields a `400 request.invalid_input` refused, each with why. */
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export interface RequestOptions {
  method?: string;
  token?: string | null;
  body?: unknown;
}

export async function requestJson<T>(url: string, { method = 'GET', token, body }: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit' });
  if (!response.ok) {
    const error = (await response.json().catch(() => ({}))) as { code?: string; message?: string; details?: ApiError['details'] };
    throw new ApiError(response.status, error.code ?? 'request.failed', error.message ?? response.statusText, error.details);
  }
  // 204 answers, and 202 ones such as identity's one-time-link requests, carry no body.
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Saves a file the services serve to its participants only: fetched with their credentials, then handed to the browser. */
export async function downloadFile(url: string, authorization: string, filename: string): Promise<void> {
  const response = await fetch(url, { headers: { authorization } });
  if (!response.ok) throw new ApiError(response.status, 'request.failed', response.statusText);
  const objectUrl = URL.createObjectURL(await response.blob());
  Object.assign(document.createElement('a'), { href: objectUrl, download: filename }).click();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
}

/** A picked file as the services take files: base64 in JSON. */
export async function encodeFile(file: File): Promise<{ filename: string; contentType: string; contentBase64: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return { filename: file.name, contentType: file.type || 'application/octet-stream', contentBase64: btoa(binary) };
}

/** What `GET /help-center/config` tells the panel, with the defaults it uses where a deployment says nothing. */
export interface PanelConfig {
  teamName: string;
  accentColor: string;
  greeting: Record<string, string>;
  logoUrl: string | null;
  links: { title: string; url: string }[];
  customerSuccessForm: boolean;
  /** The chat asks the visitor's name and email before it starts. */
  preChatForm: boolean;
  identityUrl: string | null;
  ticketsUrl: string | null;
}

export const defaultConfig: PanelConfig = {
  teamName: 'Support',
  accentColor: '#1f5fbf',
  greeting: {},
  logoUrl: null,
  links: [],
  customerSuccessForm: false,
  preChatForm: false,
  identityUrl: null,
  ticketsUrl: null,
};

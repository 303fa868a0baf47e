/**
 * Talking to a U-Net Studio training server (`pnpm serve`): where it is, its token, and the
 * shapes of the answers the studio reads (see docs/server.md, "The API").
 */

/** A server and its access token. */
export interface ServerConnection {
  /** `http://host:port`, no trailing slash. */
  readonly origin: string;
  readonly token: string;
}

/** `GET /api/info`. */
export interface ServerInfo {
  readonly devices: string | null;
  readonly torch: {
    readonly cuda: boolean;
    readonly gpus: readonly { readonly name: string; readonly memoryBytes: number }[];
  } | null;
  readonly torchMessage: string | null;
}

/** A run record, as far as the studio reads it. */
export interface ServerRun {
  readonly id: string;
  readonly name: string;
  readonly status: 'queued' | 'running' | 'completed' | 'stopped' | 'failed' | 'interrupted';
  readonly epochsDone: number;
  readonly message: string | null;
}

/** One epoch record of a server run. */
export interface ServerEpoch {
  readonly epoch: number;
  readonly loss: number;
  readonly dice: number;
  readonly iou: number;
  readonly valLoss?: number;
  readonly valDice?: number;
  readonly valIoU?: number;
  readonly learningRate?: number;
  readonly seconds?: number;
  readonly imagesPerSecond?: number;
  readonly preview?: string;
}

/** A preview file: per sample the image (channels first, 0–255) and classes per pixel. */
export interface ServerPreview {
  readonly epoch: number;
  readonly classes: number;
  readonly samples: readonly {
    readonly channels: number;
    readonly height: number;
    readonly width: number;
    readonly image: readonly number[];
    readonly truth: readonly number[];
    readonly mask: readonly number[];
    readonly foreground: number;
  }[];
}

/** The URL of an API path, with the token in the query (for event streams and downloads). */
export function apiUrl(connection: ServerConnection, path: string): string {
  return `${connection.origin}/api${path}?token=${encodeURIComponent(connection.token)}`;
}

/**
 * Calls the API with the token; throws an Error carrying the server's messages on failure.
 */
export async function callApi<T>(
  connection: ServerConnection,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${connection.origin}/api${path}`, {
    method,
    headers: {
      authorization: `Bearer ${connection.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    const errors = (json as { errors?: unknown } | null)?.errors;
    const why = Array.isArray(errors) ? errors.join('; ') : `HTTP ${response.status}`;
    throw new Error(response.status === 401 ? `the server refused the token (${why})` : why);
  }
  return json as T;
}

/** A short label: `127.0.0.1:8765 (2× NVIDIA H200)` or `… (CPU)`. */
export function serverLabel(connection: ServerConnection, info: ServerInfo | null): string {
  const host = connection.origin.replace(/^https?:\/\//, '');
  const gpus = info?.torch?.cuda ? info.torch.gpus : [];
  const what =
    info?.torch === null
      ? 'no PyTorch'
      : gpus.length > 0
        ? `${gpus.length}× ${gpus[0]?.name ?? 'GPU'}`
        : 'CPU';
  return `${host} (${what})`;
}

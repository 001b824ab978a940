import type { ErrorBody, ErrorCode } from '../../domain/errors';

/** An error answer of the API, with the fields' messages keyed by their path. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'NETWORK_ERROR';
  readonly status: number;
  readonly requestId: string | null;
  readonly fields: Record<string, string>;
  readonly details: Record<string, unknown>;

  constructor(init: {
    code: ErrorCode | 'NETWORK_ERROR';
    status: number;
    message: string;
    requestId?: string | null;
    fields?: Record<string, string>;
    details?: Record<string, unknown>;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId ?? null;
    this.fields = init.fields ?? {};
    this.details = init.details ?? {};
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    let body: Partial<ErrorBody> = {};
    try {
      body = (await response.json()) as ErrorBody;
    } catch {
      // Not our JSON (a proxy's error page): keep the status, use a generic code.
    }
    const error = body.error;
    return new ApiError({
      code: error?.code ?? 'INTERNAL_ERROR',
      status: response.status,
      message: error?.message ?? response.statusText,
      requestId: error?.requestId ?? response.headers.get('x-request-id'),
      fields: Object.fromEntries((error?.fields ?? []).map((f) => [f.path, f.message])),
      details: error?.details ?? {},
    });
  }

  get signedOut(): boolean {
    return this.code === 'UNAUTHENTICATED' || this.code === 'SESSION_EXPIRED';
  }
}

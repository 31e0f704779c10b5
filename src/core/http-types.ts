export interface HttpRequest {
  url: string;
  headers?: Record<string, string>;
  /** Overrides the client's default size cap for this request. */
  maxBytes?: number;
}

export interface HttpResponse {
  /** The URL after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  /** Empty for 304. */
  body: Buffer;
}

/** The one HTTP client for feeds and pages. Non-2xx answers other than 304 throw HttpStatusError. */
export interface HttpClient {
  get(request: HttpRequest): Promise<HttpResponse>;
}

import { ApiProblem, buildUrl, notifyUnauthorized, problemFromBody, type RequestOptions } from './client';

// File uploads go through XMLHttpRequest rather than fetch: only XHR reports how much of the body
// has been sent, which a person uploading a large list needs to see. Failures become the same
// `ApiProblem`s the rest of the API layer gives.

export interface UploadProgress {
  loaded: number;
  /** Null when the browser cannot tell the size. */
  total: number | null;
}

export interface UploadOptions {
  query?: RequestOptions['query'];
  contentType: string;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

export function upload<T>(path: string, body: Blob, options: UploadOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path, options.query));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', options.contentType);
    xhr.upload.onprogress = (event) =>
      options.onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : null });
    xhr.onload = () => {
      const parsed = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(parsed as T);
        return;
      }
      const problem = problemFromBody(xhr.status, xhr.statusText, parsed);
      if (problem.status === 401) notifyUnauthorized();
      reject(problem);
    };
    xhr.onerror = () => reject(new ApiProblem({ status: 0, code: 'network_error', title: 'Network error' }));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    if (options.signal) {
      if (options.signal.aborted) {
        xhr.abort();
        return;
      }
      options.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(body);
  });
}

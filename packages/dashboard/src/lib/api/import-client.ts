import { commitImport, compileCheck, pathOf, previewImport, uploadImport, type Answer, type Query } from '@gridsweep/contract';
import { credential as tabCredential } from '../auth/credential.svelte.js';
import { answerCheck } from './answer-check.js';
import { ApiError, type CredentialHolder } from './api-client.js';

export type ImportReport = Answer<typeof previewImport>;
export type UploadQuery = Query<typeof uploadImport>;
type Uploaded = Answer<typeof uploadImport, 201>;

const uploadedCheck = compileCheck(uploadImport.schema.response[201]);

/**
 * Imports through the API: an upload (with its progress, which fetch cannot
 * report, hence XMLHttpRequest), then a preview, then a commit, each answer
 * checked against the contract.
 */
export class ImportClient {
  constructor(
    private readonly baseUrl = '',
    private readonly credential: CredentialHolder = tabCredential,
  ) {}

  upload(file: File, query: UploadQuery, onProgress: (fraction: number) => void): Promise<Uploaded> {
    const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    const url = `${this.baseUrl}${pathOf(uploadImport)}?${params.toString()}`;
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open(uploadImport.method, url);
      request.setRequestHeader('content-type', 'application/octet-stream');
      request.setRequestHeader('accept', 'application/json');
      if (this.credential.token) request.setRequestHeader('authorization', `Bearer ${this.credential.token}`);
      request.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(event.loaded / event.total);
      };
      request.onerror = () => reject(new ApiError(url, null, 'server unreachable'));
      request.onload = () => {
        if (request.status === 401) this.credential.reject();
        const body = parse(request.responseText);
        if (request.status !== 201) return reject(new ApiError(url, request.status, messageOf(body) ?? `HTTP ${request.status}`));
        if (!uploadedCheck(body).ok) return reject(new ApiError(url, 201, 'the answer does not match the API contract (uploadImport)'));
        resolve(body as Uploaded);
      };
      request.send(file);
    });
  }

  preview(importId: string, mapping?: Record<string, string>): Promise<ImportReport> {
    return this.run(pathOf(previewImport, { importId }), mapping);
  }

  commit(importId: string, mapping?: Record<string, string>): Promise<ImportReport> {
    return this.run(pathOf(commitImport, { importId }), mapping);
  }

  private async run(path: string, mapping?: Record<string, string>): Promise<ImportReport> {
    const url = `${this.baseUrl}${path}`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json', ...(this.credential.token ? { authorization: `Bearer ${this.credential.token}` } : {}) },
      body: JSON.stringify(mapping ? { mapping } : {}),
    }).catch(() => {
      throw new ApiError(url, null, 'server unreachable');
    });
    if (response.status === 401) this.credential.reject();
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(url, response.status, messageOf(body) ?? `HTTP ${response.status}`);
    const checked = answerCheck(previewImport)(body);
    if (!checked.ok) throw new ApiError(url, 200, 'the answer does not match the API contract');
    return checked.value;
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function messageOf(body: unknown): string | undefined {
  const message = (body as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : undefined;
}

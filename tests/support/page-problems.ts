import type { Page } from 'playwright-core';

export interface ProblemOptions {
  /**
   * The server is expected to refuse the page's credential (a wall opened
   * without a token, a wrong password): its 401 answers, and Chromium's
   * console line about each, are not problems. Every other status still is.
   */
  readonly unauthenticatedExpected?: boolean;
}

/**
 * Everything a page complains about: console errors, uncaught exceptions and
 * failed requests. A test expects the list empty, so any complaint shows up
 * in its failure message word for word.
 */
export function watchPageProblems(page: Page, options: ProblemOptions = {}): string[] {
  const problems: string[] = [];
  const expected = (status: number): boolean => options.unauthenticatedExpected === true && status === 401;
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium logs every 4xx answer as "Failed to load resource: the server responded with a status of 401 (Unauthorized)".
    const status = /responded with a status of (\d{3})/.exec(message.text())?.[1];
    if (status !== undefined && expected(Number(status))) return;
    problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A navigation away aborts what the old page still had in flight; that is not the page's fault.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !expected(response.status())) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}
